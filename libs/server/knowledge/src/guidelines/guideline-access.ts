import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { CommunityAction, communityRules, type CommunityAccess } from '@commons/server-communities';
import { PlatformRole, type Audience } from '@commons/shared-contracts';
import { isProgrammeTeam } from '../knowledge-roles';

/** Permissions on guidelines, their versions, acknowledgements and compliance. */
export const GuidelineAction = {
  /** Read a guideline and acknowledge it. */
  Read: 'guideline:read',
  /** Create a guideline, draft and publish its versions: the programme team, or a community's managers for its own. */
  Manage: 'guideline:manage',
  /** Acknowledgement rates and who has not acknowledged: programme team, steering, a community's managers for its members. */
  SeeCompliance: 'guideline:see-compliance',
  /** Remind those who have not acknowledged: programme team, a community's managers for its members. */
  Remind: 'guideline:remind',
} as const;

/**
 * What the rules decide on. `community` carries the viewer's facts of the guideline's community,
 * or, for compliance of a platform-wide guideline narrowed to one community, of that community.
 */
export interface GuidelineResource {
  audiences: readonly Audience[];
  communityId: string | null;
  community: CommunityAccess | null;
}

const community = (action: string, r: GuidelineResource, actor: Viewer) =>
  r.community !== null && (communityRules[action] as AuthorizationRule)(actor, { access: r.community });
const isSteering = (actor: Viewer) => actor.role === PlatformRole.Steering;

const rules: Record<string, (actor: Viewer, r: GuidelineResource) => boolean> = {
  [GuidelineAction.Read]: (actor, r) =>
    isProgrammeTeam(actor) ||
    isSteering(actor) ||
    community(CommunityAction.Manage, r, actor) ||
    (r.audiences.includes(actor.audience) && (r.communityId === null || community(CommunityAction.ReadContent, r, actor))),
  [GuidelineAction.Manage]: (actor, r) => isProgrammeTeam(actor) || (r.communityId !== null && community(CommunityAction.Manage, r, actor)),
  [GuidelineAction.SeeCompliance]: (actor, r) => isProgrammeTeam(actor) || isSteering(actor) || community(CommunityAction.Manage, r, actor),
  [GuidelineAction.Remind]: (actor, r) => isProgrammeTeam(actor) || community(CommunityAction.Manage, r, actor),
};

export const guidelineRules: Record<string, AuthorizationRule> = Object.fromEntries(
  Object.entries(rules).map(([action, rule]) => [action, (actor: Viewer, resource: unknown) => rule(actor, resource as GuidelineResource)]),
);
