import type { PlatformRole } from '@commons/web-data-access';

export interface NavigationItem {
  to: string;
  label: string;
  /** Roles that see the item; all when absent. */
  roles?: PlatformRole[];
  /** Only for platform admins and the moderators and managers of some community. */
  moderators?: boolean;
}

export const NAVIGATION: NavigationItem[] = [
  { to: '/', label: 'Home' },
  { to: '/communities', label: 'Communities' },
  { to: '/blog', label: 'Blog' },
  { to: '/knowledge', label: 'Knowledge' },
  { to: '/people', label: 'People' },
  { to: '/programme', label: 'Metrics', roles: ['STEERING', 'ADMIN'] },
  { to: '/moderation', label: 'Moderation', moderators: true },
  { to: '/administration', label: 'Administration', roles: ['ADMIN'] },
];
