import { createBrowserRouter, Outlet } from 'react-router';
import { AdministrationPage, PeoplePage, PersonPage, ProfilePage, RegisterPage, RequireViewer, SignInPage } from '@commons/web-feature-account';
import { blogRoutes, communityBlogRoutes } from '@commons/web-feature-blogs';
import { communityRoutes } from '@commons/web-feature-communities';
import { forumRoutes } from '@commons/web-feature-forums';
import { knowledgeRoutes } from '@commons/web-feature-knowledge';
import { communityMetricsRoutes, metricsRoutes } from '@commons/web-feature-metrics';
import { communityModerationRoutes, moderationRoutes, noticesRoutes } from '@commons/web-feature-moderation';
import { notificationRoutes } from '@commons/web-feature-notifications';
import { searchRoutes } from '@commons/web-feature-search';
import { AppShellLayout } from './shell/app-shell-layout';
import { HomePage } from './shell/home-page';
import { NotFoundPage, RequireRole } from './shell/guards';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    path: '/',
    element: <RequireViewer>{(viewer) => <AppShellLayout viewer={viewer} />}</RequireViewer>,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'profile', element: <RequireViewer>{(viewer) => <ProfilePage viewer={viewer} />}</RequireViewer> },
      { path: 'communities', children: [...communityRoutes, ...forumRoutes, ...communityBlogRoutes, ...communityModerationRoutes, ...communityMetricsRoutes] },
      { path: 'blog', children: blogRoutes },
      { path: 'search', children: searchRoutes },
      { path: 'knowledge', children: knowledgeRoutes },
      {
        path: 'programme',
        element: (
          <RequireRole roles={['STEERING', 'ADMIN']}>
            <Outlet />
          </RequireRole>
        ),
        children: metricsRoutes,
      },
      { path: 'moderation', children: moderationRoutes },
      { path: 'notices', children: noticesRoutes },
      { path: 'notifications', children: notificationRoutes },
      { path: 'administration', element: <RequireRole roles={['ADMIN']}><AdministrationPage /></RequireRole> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
