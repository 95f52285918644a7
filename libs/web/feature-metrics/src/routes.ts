import type { RouteObject } from 'react-router';

/**
 * The steering committee's screens, mounted at /programme (not /metrics: that is the API's
 * Prometheus endpoint). The app guards them by role; the API checks again. Lazy pages: the
 * charting library loads only with them.
 */
export const metricsRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./pages/steering-dashboard-page')).SteeringDashboardPage }) },
  { path: 'rollups', lazy: async () => ({ Component: (await import('./pages/rollups-page')).RollupsPage }) },
  { path: 'snapshots', lazy: async () => ({ Component: (await import('./pages/snapshots-page')).SnapshotsPage }) },
  { path: 'snapshots/compare', lazy: async () => ({ Component: (await import('./pages/snapshot-page')).CompareSnapshotsPage }) },
  { path: 'snapshots/:id', lazy: async () => ({ Component: (await import('./pages/snapshot-page')).SnapshotPage }) },
];

/** A community's dashboard, mounted under /communities: its managers reach it from the community's page. */
export const communityMetricsRoutes: RouteObject[] = [
  { path: ':slug/metrics', lazy: async () => ({ Component: (await import('./pages/community-metrics-page')).CommunityMetricsPage }) },
];
