import type { RouteObject } from 'react-router';

/** Center of Excellence screens for training, mounted under /knowledge (lazy pages). */
export const trainingRoutes: RouteObject[] = [
  { path: 'courses', lazy: async () => ({ Component: (await import('./pages/catalogue-page')).CataloguePage }) },
  { path: 'courses/new', lazy: async () => ({ Component: (await import('./pages/course-editor-page')).CourseEditorPage }) },
  { path: 'courses/:courseId', lazy: async () => ({ Component: (await import('./pages/course-page')).CoursePage }) },
  { path: 'courses/:courseId/edit', lazy: async () => ({ Component: (await import('./pages/course-editor-page')).CourseEditorPage }) },
  { path: 'courses/:courseId/assign', lazy: async () => ({ Component: (await import('./pages/assign-page')).AssignPage }) },
  { path: 'courses/:courseId/certificate', lazy: async () => ({ Component: (await import('./pages/certificate-page')).CertificatePage }) },
  { path: 'learning', lazy: async () => ({ Component: (await import('./pages/my-learning-page')).MyLearningPage }) },
  { path: 'training-report', lazy: async () => ({ Component: (await import('./pages/report-page')).ReportPage }) },
];
