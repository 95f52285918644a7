import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { CommunityAction, communityRules, type CommunityAccess } from '@commons/server-communities';
import { BlogAuthors, CommunityRole } from '@commons/shared-contracts';

export const BlogAction = {
  /** Published posts and their comments. */
  Read: 'blog:read',
  /** Start posts: managers, or every member who may take part when the managers chose so. */
  Write: 'blog:write',
  /** A post's drafts and edits: its authors while they may write, and managers. */
  EditPost: 'blog:edit-post',
  Comment: 'blog:comment',
  /** Remove comments and unpublish posts. */
  Moderate: 'blog:moderate',
  /** Blog settings. */
  Manage: 'blog:manage',
} as const;

/** A blog object the rules decide on: community facts, the blog's settings, a post's authors. */
export interface BlogResource {
  access: CommunityAccess;
  authors: BlogAuthors;
  authorIds?: string[];
}

const community = (action: string) => communityRules[action] as AuthorizationRule;
const canWrite = (actor: Viewer, r: BlogResource) =>
  community(CommunityAction.Participate)(actor, r) && (r.authors === BlogAuthors.Members || r.access.role === CommunityRole.Manager);

const rules: Record<string, (actor: Viewer, r: BlogResource) => boolean> = {
  [BlogAction.Read]: (actor, r) => community(CommunityAction.ReadContent)(actor, r),
  [BlogAction.Write]: canWrite,
  [BlogAction.EditPost]: (actor, r) =>
    ((r.authorIds ?? []).includes(actor.accountId) && canWrite(actor, r)) || community(CommunityAction.Manage)(actor, r),
  [BlogAction.Comment]: (actor, r) => community(CommunityAction.Participate)(actor, r),
  [BlogAction.Moderate]: (actor, r) => community(CommunityAction.Moderate)(actor, r),
  [BlogAction.Manage]: (actor, r) => community(CommunityAction.Manage)(actor, r),
};

export const blogRules: Record<string, AuthorizationRule> = Object.fromEntries(
  Object.entries(rules).map(([action, rule]) => [action, (actor: Viewer, resource: unknown) => rule(actor, resource as BlogResource)]),
);
