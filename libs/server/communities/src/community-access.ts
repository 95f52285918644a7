import type { AuthorizationRule, Viewer } from '@commons/server-core';
import {
  Audience,
  PlatformRole,
  CommunityLifecycle,
  CommunityRole,
  CommunityVisibility,
  type CommunityLifecycle as Lifecycle,
  type CommunityRole as Role,
  type CommunityVisibility as Visibility,
} from '@commons/shared-contracts';

/** Every permission about communities. The rules below and the expected matrix beside them cover each. */
export const CommunityAction = {
  /** Know the community exists: its card, name, description, charter, intent, member count. */
  View: 'community:view',
  /** Its members, objectives and content. */
  ReadContent: 'community:read-content',
  /** Become a member at once (open community, pilot cohort, or invitation). */
  Join: 'community:join',
  /** Ask a manager to be let into a private community. */
  RequestToJoin: 'community:request-to-join',
  Leave: 'community:leave',
  /** Post, reply, comment, react. */
  Participate: 'community:participate',
  /** Act on members' content: hide, review, sanction. */
  Moderate: 'community:moderate',
  /** Settings, lifecycle, objectives, cohorts, members and their roles. */
  Manage: 'community:manage',
  /** Start a new community (no resource). */
  Create: 'community:create',
} as const;
export type CommunityAction = (typeof CommunityAction)[keyof typeof CommunityAction];

/** The actions the isolation matrix checks for every actor and community. */
export const COMMUNITY_RESOURCE_ACTIONS = [
  CommunityAction.View,
  CommunityAction.ReadContent,
  CommunityAction.Join,
  CommunityAction.RequestToJoin,
  CommunityAction.Leave,
  CommunityAction.Participate,
  CommunityAction.Moderate,
  CommunityAction.Manage,
] as const;

/**
 * What the rules need to know about one community for one viewer, loaded together in one
 * batched query (CommunityAccessLoader). Rules never query; they only read these facts.
 */
export interface CommunityAccess {
  communityId: string;
  audiences: Audience[];
  visibility: Visibility;
  lifecycle: Lifecycle;
  /** The viewer's role, or null when not a member. */
  role: Role | null;
  /** When the viewer joined (null when not a member). */
  joinedAt: Date | null;
  /** An unlifted, unexpired ban of the viewer. */
  banned: boolean;
  /** The viewer is in a cohort attached to the community. */
  inCohort: boolean;
  /** The viewer has a pending invitation. */
  invited: boolean;
}

/** Anything that carries the facts: a loaded community, its GraphQL object. */
export interface CommunityResource {
  access: CommunityAccess;
}

// ---- the building blocks, each a plain sentence ------------------------------------------

/** Employees are the host organisation and are served by every community; others only by their own. */
const servesAudience = (actor: Viewer, c: CommunityAccess) =>
  actor.audience === Audience.Employee || c.audiences.includes(actor.audience);
const isMember = (c: CommunityAccess) => c.role !== null;
const isManager = (c: CommunityAccess) => c.role === CommunityRole.Manager;
const isStaff = (c: CommunityAccess) => c.role === CommunityRole.Manager || c.role === CommunityRole.Moderator;
const is = (c: CommunityAccess, lifecycle: Lifecycle) => c.lifecycle === lifecycle;
/** Listed to its audience: not a draft (only its setup team sees those) and not secret. */
const listed = (c: CommunityAccess) => !is(c, CommunityLifecycle.Draft) && c.visibility !== CommunityVisibility.Secret;
const pilotCohortMember = (c: CommunityAccess) => is(c, CommunityLifecycle.Pilot) && c.inCohort;

/**
 * The rule table. Every rule first requires the community to serve the actor's audience, so a
 * customer can never reach an employee-only community whatever else is true. Platform admins
 * pass every rule through AuthorizationService (and their overrides are reported for audit).
 */
const rules: Record<Exclude<CommunityAction, typeof CommunityAction.Create>, (actor: Viewer, c: CommunityAccess) => boolean> = {
  [CommunityAction.View]: (actor, c) =>
    servesAudience(actor, c) && (isMember(c) || c.invited || pilotCohortMember(c) || listed(c)),

  [CommunityAction.ReadContent]: (actor, c) =>
    servesAudience(actor, c) &&
    !c.banned &&
    (isMember(c) || (listed(c) && c.visibility === CommunityVisibility.Open)),

  [CommunityAction.Join]: (actor, c) =>
    servesAudience(actor, c) &&
    !isMember(c) &&
    !c.banned &&
    !is(c, CommunityLifecycle.Archived) &&
    (c.invited ||
      pilotCohortMember(c) ||
      (is(c, CommunityLifecycle.Active) && c.visibility === CommunityVisibility.Open)),

  [CommunityAction.RequestToJoin]: (actor, c) =>
    servesAudience(actor, c) &&
    !isMember(c) &&
    !c.banned &&
    is(c, CommunityLifecycle.Active) &&
    c.visibility === CommunityVisibility.Private,

  [CommunityAction.Leave]: (actor, c) => servesAudience(actor, c) && isMember(c),

  [CommunityAction.Participate]: (actor, c) =>
    servesAudience(actor, c) &&
    isMember(c) &&
    (is(c, CommunityLifecycle.Active) ||
      // In pilot only the cohort and the people running the pilot take part.
      (is(c, CommunityLifecycle.Pilot) && (c.inCohort || isStaff(c))) ||
      // Managers may prepare content before anyone else is let in.
      (is(c, CommunityLifecycle.Draft) && isManager(c))),

  [CommunityAction.Moderate]: (actor, c) => servesAudience(actor, c) && isStaff(c),

  [CommunityAction.Manage]: (actor, c) => servesAudience(actor, c) && isManager(c),
};

function accessOf(resource: unknown): CommunityAccess {
  const access = (resource as CommunityResource | undefined)?.access;
  // A rule asked about something that is not a loaded community is a programming error.
  if (!access) throw new Error('Community rules need a resource with loaded access facts');
  return access;
}

/** The rules as the AuthorizationService registers them. */
export const communityRules: Record<string, AuthorizationRule> = {
  ...Object.fromEntries(
    Object.entries(rules).map(([action, rule]) => [action, (actor: Viewer, resource: unknown) => rule(actor, accessOf(resource))]),
  ),
  // Employees start communities (as drafts they manage); customers and partners join them.
  [CommunityAction.Create]: (actor) => actor.audience === Audience.Employee,
};

const standings = new WeakMap<Viewer, { access: CommunityAccess; standing: string }>();

/**
 * Everything the rules read about a viewer and a community except who the viewer is: two
 * viewers with the same standing get the same answer from every rule about content neither of
 * them wrote (authorship is the one thing rules compare with the viewer's id). Realtime delivery
 * decides once per standing instead of once per subscriber. Kept per viewer while their facts
 * object stays the same (the same string each time, so maps find it without hashing it again).
 */
export function standingOf(viewer: Viewer, access: CommunityAccess): string {
  const kept = standings.get(viewer);
  if (kept?.access === access) return kept.standing;
  const standing = [viewer.role, viewer.audience, access.communityId, access.audiences.join(','), access.visibility, access.lifecycle, access.role ?? '', access.banned, access.inCohort, access.invited].join('|');
  standings.set(viewer, { access, standing });
  return standing;
}

/**
 * `decide` for many readers of one community, made once per standing (see standingOf) and
 * shared by everyone with it; readers for whom `decidedAlone` holds (the authors of what is
 * decided on, whom rules compare with their id) are decided one by one.
 */
export function oncePerStanding<T>(decide: (viewer: Viewer, access: CommunityAccess) => T, decidedAlone: (viewer: Viewer) => boolean): (viewer: Viewer, access: CommunityAccess) => T {
  const byStanding = new Map<string, T>();
  return (viewer, access) => {
    if (decidedAlone(viewer)) return decide(viewer, access);
    const standing = standingOf(viewer, access);
    if (byStanding.has(standing)) return byStanding.get(standing) as T;
    const decision = decide(viewer, access);
    byStanding.set(standing, decision);
    return decision;
  };
}

/**
 * The View rule as SQL, for lists and counts that must never include what View refuses.
 * The isolation matrix test checks the two agree. Parameters: :viewerId, :viewerAudience,
 * :viewerIsEmployee, :now. Expects `c` (communities) and `m` (the viewer's membership, LEFT JOINed).
 */
export const VISIBLE_COMMUNITY_SQL = `(
  (:viewerIsEmployee OR CAST(:viewerAudience AS audience) = ANY(c.audiences))
  AND (
    m.role IS NOT NULL
    OR EXISTS (
      SELECT 1 FROM community_invitations i
       WHERE i.community_id = c.id AND i.status = 'PENDING'
         AND (i.account_id = :viewerId OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = :viewerId)))
    )
    OR (c.lifecycle = 'PILOT' AND EXISTS (
      SELECT 1 FROM community_cohorts cc JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id
       WHERE cc.community_id = c.id AND cm.account_id = :viewerId
    ))
    OR (c.lifecycle <> 'DRAFT' AND c.visibility <> 'SECRET')
  )
)`;

/** Parameters for VISIBLE_COMMUNITY_SQL. */
export function visibilityParams(viewer: Viewer) {
  return {
    viewerId: viewer.accountId,
    viewerAudience: viewer.audience,
    viewerIsEmployee: viewer.audience === Audience.Employee,
  };
}

/**
 * The ids of communities whose content the viewer may read (the ReadContent rule as SQL), for
 * searches and feeds that must filter inside the query. `param` binds a value and returns its
 * placeholder. The isolation matrix checks search results against the rule.
 */
export function readableCommunityIdsSql(viewer: Viewer, param: (value: unknown) => string): string {
  if (viewer.role === PlatformRole.Admin) return 'SELECT id FROM communities';
  const viewerId = param(viewer.accountId);
  return `SELECT c.id FROM communities c
    LEFT JOIN community_memberships m ON m.community_id = c.id AND m.account_id = ${viewerId}
    WHERE (${param(viewer.audience === Audience.Employee)} OR CAST(${param(viewer.audience)} AS audience) = ANY(c.audiences))
      AND NOT EXISTS (SELECT 1 FROM community_bans b WHERE b.community_id = c.id AND b.account_id = ${viewerId}
                        AND b.lifted_at IS NULL AND (b.ends_at IS NULL OR b.ends_at > now()))
      AND (m.role IS NOT NULL OR (c.lifecycle <> 'DRAFT' AND c.visibility = 'OPEN'))`;
}
