/** Organisation-wide roles. Community roles come with communities. */
export const PlatformRole = {
  Member: 'MEMBER',
  Steering: 'STEERING',
  Admin: 'ADMIN',
} as const;

export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

export const PLATFORM_ROLES: readonly PlatformRole[] = Object.values(PlatformRole);
