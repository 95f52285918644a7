/** Organisation-wide roles. Community roles come with communities. */
export const PlatformRole = {
  Member: 'MEMBER',
  Steering: 'STEERING',
  Admin: 'ADMIN',
  /** The programme team: runs the Center of Excellence (platform-wide articles, guidelines, courses, champions). */
  Coe: 'COE',
} as const;

export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

export const PLATFORM_ROLES: readonly PlatformRole[] = Object.values(PlatformRole);
