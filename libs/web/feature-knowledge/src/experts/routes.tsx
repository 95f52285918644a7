import type { RouteObject } from 'react-router';

/** Center of Excellence screens for experts, mounted under /knowledge (lazy pages). */
export const expertsRoutes: RouteObject[] = [
  { path: 'experts', lazy: async () => ({ Component: (await import('./pages/find-experts-page')).FindExpertsPage }) },
  { path: 'champions', lazy: async () => ({ Component: (await import('./pages/champions-page')).ChampionsPage }) },
  { path: 'champions/dashboard', lazy: async () => ({ Component: (await import('./pages/champion-dashboard-page')).ChampionDashboardPage }) },
];
