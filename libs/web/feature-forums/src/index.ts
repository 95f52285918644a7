export { forumRoutes } from './routes';
export { ForumPage } from './pages/forum-page';
export { NewThreadPage } from './pages/new-thread-page';
export { ThreadPage } from './pages/thread-page';
export { forumPath, threadPath } from './forum-community';
