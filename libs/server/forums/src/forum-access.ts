import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { CommunityAction, communityRules, type CommunityAccess } from '@commons/server-communities';

/** Permissions on forum content. Each builds on the community rules of the content's community. */
export const ForumAction = {
  Read: 'forum:read',
  /** Start threads, reply, react, follow. */
  Post: 'forum:post',
  /** Edit a thread or reply: its author while they may post, or a moderator. */
  Edit: 'forum:edit',
  /** Delete (tombstone) a thread or reply: its author, or a moderator. */
  Delete: 'forum:delete',
  /** Choose a question's accepted answer: the asker or a moderator. */
  Accept: 'forum:accept',
  /** Lock, pin, close as duplicate; read edit histories. */
  Moderate: 'forum:moderate',
  /** Categories. */
  Manage: 'forum:manage',
} as const;

/** A forum object the rules decide on: its community's access facts and, for posts, its author. */
export interface ForumResource {
  access: CommunityAccess;
  authorId?: string;
}

const community = (action: string) => communityRules[action] as AuthorizationRule;
const isAuthor = (actor: Viewer, r: ForumResource) => r.authorId !== undefined && r.authorId === actor.accountId;

const rules: Record<string, (actor: Viewer, r: ForumResource) => boolean> = {
  [ForumAction.Read]: (actor, r) => community(CommunityAction.ReadContent)(actor, r),
  [ForumAction.Post]: (actor, r) => community(CommunityAction.Participate)(actor, r),
  [ForumAction.Edit]: (actor, r) =>
    (isAuthor(actor, r) && community(CommunityAction.Participate)(actor, r)) || community(CommunityAction.Moderate)(actor, r),
  [ForumAction.Delete]: (actor, r) =>
    (isAuthor(actor, r) && community(CommunityAction.ReadContent)(actor, r)) || community(CommunityAction.Moderate)(actor, r),
  [ForumAction.Accept]: (actor, r) =>
    (isAuthor(actor, r) && community(CommunityAction.Participate)(actor, r)) || community(CommunityAction.Moderate)(actor, r),
  [ForumAction.Moderate]: (actor, r) => community(CommunityAction.Moderate)(actor, r),
  [ForumAction.Manage]: (actor, r) => community(CommunityAction.Manage)(actor, r),
};

export const forumRules: Record<string, AuthorizationRule> = Object.fromEntries(
  Object.entries(rules).map(([action, rule]) => [action, (actor: Viewer, resource: unknown) => rule(actor, resource as ForumResource)]),
);
