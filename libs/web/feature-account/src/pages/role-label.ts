import type { PlatformRole } from '@commons/web-data-access';

const LABELS: Record<PlatformRole, string> = {
  MEMBER: 'a member',
  STEERING: 'a steering committee member',
  ADMIN: 'an administrator',
  COE: 'a member of the programme team (Center of Excellence)',
};
const SHORT: Record<PlatformRole, string> = { MEMBER: 'Member', STEERING: 'Steering committee', ADMIN: 'Administrator', COE: 'Programme team (CoE)' };

export const roleLabel = (role: PlatformRole) => LABELS[role];
export const roleName = (role: PlatformRole) => SHORT[role];
