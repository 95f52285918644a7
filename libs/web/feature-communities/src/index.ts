export { communityRoutes } from './routes';
export { CommunityDirectoryPage } from './pages/directory-page';
export { CommunityPage } from './pages/community-page';
export { NewCommunityPage } from './pages/new-community-page';
export { ManageMembersPage } from './pages/manage-members-page';
export { CommunitySettingsPage } from './pages/community-settings-page';
