import type { RouteObject } from 'react-router';

/** Center of Excellence screens for articles, mounted under /knowledge (lazy pages). */
export const articlesRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./pages/knowledge-home-page')).KnowledgeHomePage }) },
  { path: 'collections/:id', lazy: async () => ({ Component: (await import('./pages/collection-page')).CollectionPage }) },
  { path: 'articles/new', lazy: async () => ({ Component: (await import('./pages/article-editor-page')).ArticleEditorPage }) },
  { path: 'articles/:id', lazy: async () => ({ Component: (await import('./pages/article-page')).ArticlePage }) },
  { path: 'articles/:id/edit', lazy: async () => ({ Component: (await import('./pages/article-editor-page')).ArticleEditorPage }) },
];
