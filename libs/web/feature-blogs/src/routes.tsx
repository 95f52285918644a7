import type { RouteObject } from 'react-router';
import { CommunityBlogPage } from './pages/community-blog-page';
import { DraftsPage } from './pages/drafts-page';
import { EditorPage } from './pages/editor-page';
import { FeedPage } from './pages/feed-page';
import { PostPage } from './pages/post-page';

/** Each community's blog, mounted under /communities next to the communities' own routes. */
export const communityBlogRoutes: RouteObject[] = [
  { path: ':slug/blog', element: <CommunityBlogPage /> },
  { path: ':slug/blog/new', element: <EditorPage /> },
  { path: ':slug/blog/:postSlug', element: <PostPage /> },
  { path: ':slug/blog/:postSlug/edit', element: <EditorPage /> },
];

/** The organisation-wide feed and the viewer's drafts, mounted under /blog. */
export const blogRoutes: RouteObject[] = [
  { index: true, element: <FeedPage /> },
  { path: 'drafts', element: <DraftsPage /> },
];
