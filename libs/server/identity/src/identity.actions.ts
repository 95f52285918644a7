import { PlatformRole } from '@commons/shared-contracts';
import type { AuthorizationRule } from '@commons/server-core';

/** Permissions the identity domain registers with the AuthorizationService. */
export const AccountAction = {
  /** Public profile: name, initials, department, title, role. */
  Read: 'account:read',
  /** E-mail address, last sign-in: the person themself and admins. */
  ReadPrivate: 'account:read-private',
  /** Suspension state and other admin-only facts. */
  ReadAdministrative: 'account:read-administrative',
} as const;

function isSelfOrAdmin(actorId: string, role: PlatformRole, resource: unknown): boolean {
  return role === PlatformRole.Admin || (resource as { id?: unknown } | undefined)?.id === actorId;
}

export const accountRules: Record<string, AuthorizationRule> = {
  [AccountAction.Read]: () => true,
  [AccountAction.ReadPrivate]: (actor, account) => isSelfOrAdmin(actor.accountId, actor.role, account),
  [AccountAction.ReadAdministrative]: (actor) => actor.role === PlatformRole.Admin,
};
