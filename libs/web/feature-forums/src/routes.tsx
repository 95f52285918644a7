import type { RouteObject } from 'react-router';
import { ForumPage } from './pages/forum-page';
import { NewThreadPage } from './pages/new-thread-page';
import { TagPage } from './pages/tag-page';
import { ThreadPage } from './pages/thread-page';

/** The forum of each community, mounted under /communities next to the communities' own routes. */
export const forumRoutes: RouteObject[] = [
  { path: ':slug/forum', element: <ForumPage /> },
  { path: ':slug/forum/new', element: <NewThreadPage /> },
  { path: ':slug/forum/threads/:id', element: <ThreadPage /> },
  { path: ':slug/forum/tags/:tag', element: <TagPage /> },
];
