export { blogRoutes, communityBlogRoutes } from './routes';
export { CommunityBlogPage } from './pages/community-blog-page';
export { DraftsPage } from './pages/drafts-page';
export { EditorPage } from './pages/editor-page';
export { FeedPage } from './pages/feed-page';
export { PostPage } from './pages/post-page';
export { blogPath, postPath } from './blog-community';
