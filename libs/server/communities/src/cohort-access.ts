import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';

export const CohortAction = {
  /** Its name and members: whoever runs it, and the steering committee comparing it with everyone else. */
  Read: 'cohort:read',
  /** Rename, add and remove people, attach to communities they manage, delete. */
  Manage: 'cohort:manage',
  /** Employees create cohorts for the pilots they run. */
  Create: 'cohort:create',
} as const;

/** What the cohort rules need to know for one viewer. */
export interface CohortAccess {
  createdById: string;
  /** The viewer manages a community the cohort is attached to. */
  managesAttachedCommunity: boolean;
}

const runsIt = (actor: Viewer, c: CohortAccess) => c.createdById === actor.accountId || c.managesAttachedCommunity;

function accessOf(resource: unknown): CohortAccess {
  const access = (resource as { access?: CohortAccess } | undefined)?.access;
  if (!access) throw new Error('Cohort rules need a resource with loaded access facts');
  return access;
}

export const cohortRules: Record<string, AuthorizationRule> = {
  [CohortAction.Read]: (actor, resource) => runsIt(actor, accessOf(resource)) || actor.role === PlatformRole.Steering,
  [CohortAction.Manage]: (actor, resource) => runsIt(actor, accessOf(resource)),
  [CohortAction.Create]: (actor) => actor.audience === Audience.Employee,
};
