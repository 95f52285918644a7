import type { RouteObject } from 'react-router';
import { AppealsScreen } from './pages/appeals-screen';
import { AuditLogScreen } from './pages/audit-log-screen';
import { CommunityModerationLayout, ModeratedCommunities, PlatformModerationLayout, PlatformQueue } from './pages/moderation-layouts';
import { NoticesPage } from './pages/notices-page';
import { PlatformPoliciesScreen, PolicyScreen } from './pages/policy-screen';
import { QueueScreen } from './pages/queue-screen';
import { SanctionsScreen } from './pages/sanctions-screen';

/** A community's moderation, mounted under /communities next to the communities' own routes. */
export const communityModerationRoutes: RouteObject[] = [
  {
    path: ':slug/moderation',
    element: <CommunityModerationLayout />,
    children: [
      { index: true, element: <QueueScreen /> },
      { path: 'policy', element: <PolicyScreen /> },
      { path: 'sanctions', element: <SanctionsScreen /> },
      { path: 'appeals', element: <AppealsScreen /> },
      { path: 'audit', element: <AuditLogScreen /> },
    ],
  },
];

/** The platform's moderation, mounted at /moderation (admins; moderators find their communities there). */
export const moderationRoutes: RouteObject[] = [
  {
    element: <PlatformModerationLayout />,
    children: [
      { index: true, element: <PlatformQueue /> },
      { path: 'policies', element: <PlatformPoliciesScreen /> },
      { path: 'sanctions', element: <SanctionsScreen /> },
      { path: 'appeals', element: <AppealsScreen /> },
      { path: 'audit', element: <AuditLogScreen /> },
      { path: 'communities', element: <ModeratedCommunities /> },
    ],
  },
];

/** The author's side: notices about their posts and their appeals, at /notices. */
export const noticesRoutes: RouteObject[] = [{ index: true, element: <NoticesPage /> }];
