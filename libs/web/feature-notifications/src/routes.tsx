import type { RouteObject } from 'react-router';

/** The person's notifications, mounted at /notifications; loaded when first visited. */
export const notificationRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./pages/notifications-page')).NotificationsPage }) },
  { path: 'preferences', lazy: async () => ({ Component: (await import('./pages/notification-preferences-page')).NotificationPreferencesPage }) },
];
