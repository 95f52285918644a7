import type { RouteObject } from 'react-router';

/** Center of Excellence screens for guidelines, mounted under /knowledge (lazy pages). */
export const guidelinesRoutes: RouteObject[] = [
  { path: 'guidelines', lazy: async () => ({ Component: (await import('./pages/guidelines-page')).GuidelinesPage }) },
  { path: 'guidelines/new', lazy: async () => ({ Component: (await import('./pages/new-guideline-page')).NewGuidelinePage }) },
  { path: 'guidelines/:key', lazy: async () => ({ Component: (await import('./pages/guideline-page')).GuidelinePage }) },
  { path: 'guidelines/:key/edit', lazy: async () => ({ Component: (await import('./pages/guideline-editor-page')).GuidelineEditorPage }) },
  { path: 'guidelines/:key/compliance', lazy: async () => ({ Component: (await import('./pages/guideline-compliance-page')).GuidelineCompliancePage }) },
];
