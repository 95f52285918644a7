import type { AuthorizationRule } from '@commons/server-core';
import { PlatformRole } from '@commons/shared-contracts';

export const ListeningAction = {
  /** Read the term lists share of voice is counted from: the programme team, the steering committee, admins. */
  ReadTermLists: 'listening:read-term-lists',
  /** Create, change and delete term lists: the programme team (COE) and admins. */
  ManageTermLists: 'listening:manage-term-lists',
} as const;

/** Admins pass every rule anyway (AuthorizationService.can). */
export const listeningRules: Record<string, AuthorizationRule> = {
  [ListeningAction.ReadTermLists]: (actor) => actor.role === PlatformRole.Coe || actor.role === PlatformRole.Steering,
  [ListeningAction.ManageTermLists]: (actor) => actor.role === PlatformRole.Coe,
};
