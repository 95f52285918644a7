import type { RouteObject } from 'react-router';
import { CommunityDirectoryPage } from './pages/directory-page';
import { CommunityPage } from './pages/community-page';
import { CommunitySettingsPage } from './pages/community-settings-page';
import { ManageMembersPage } from './pages/manage-members-page';
import { NewCommunityPage } from './pages/new-community-page';

/** The communities area, mounted under /communities by the app's router. */
export const communityRoutes: RouteObject[] = [
  { index: true, element: <CommunityDirectoryPage /> },
  { path: 'new', element: <NewCommunityPage /> },
  { path: ':slug', element: <CommunityPage /> },
  { path: ':slug/manage', element: <ManageMembersPage /> },
  { path: ':slug/settings', element: <CommunitySettingsPage /> },
];
