import type { AuthorizationRule, Viewer } from '@commons/server-core';
import { CommunityAction, communityRules, type CommunityAccess } from '@commons/server-communities';
import { Audience } from '@commons/shared-contracts';
import { isProgrammeTeam } from '../knowledge-roles';

/** Permissions on knowledge articles and collections. */
export const ArticleAction = {
  /** Published articles: employees (platform-wide), customers and partners too when shared; the community's readers otherwise. */
  Read: 'articles:read',
  /** The working copy of an unpublished or changed article: its owners and reviewers, and whoever manages the scope. */
  ReadDraft: 'articles:read-draft',
  /** Edit the working copy, submit it for review, mark the article reviewed: its owners and the scope's managers. */
  Edit: 'articles:edit',
  /** Approve or send back a submitted draft: the article's reviewers. */
  Review: 'articles:review',
  /** Publish versions and archive: the programme team (platform-wide) or the community's managers. */
  Publish: 'articles:publish',
  /** Start articles and arrange collections in the scope: the programme team (platform-wide) or the community's managers. */
  Manage: 'articles:manage',
  /** Say whether a published article helped. */
  Feedback: 'articles:feedback',
} as const;

/**
 * What the rules decide on: the scope (a community's access facts, or null for platform-wide)
 * and, for an article, its people and whether it is shared beyond employees.
 */
export interface ArticleResource {
  access: CommunityAccess | null;
  ownerIds?: readonly string[];
  reviewerIds?: readonly string[];
  sharedExternally?: boolean;
}

const community = (action: string) => communityRules[action] as AuthorizationRule;
const manages = (actor: Viewer, r: ArticleResource) => (r.access ? community(CommunityAction.Manage)(actor, { access: r.access }) : isProgrammeTeam(actor));
const reads = (actor: Viewer, r: ArticleResource) =>
  r.access ? community(CommunityAction.ReadContent)(actor, { access: r.access }) : actor.audience === Audience.Employee || r.sharedExternally === true;
const owns = (actor: Viewer, r: ArticleResource) => (r.ownerIds ?? []).includes(actor.accountId);
const reviews = (actor: Viewer, r: ArticleResource) => (r.reviewerIds ?? []).includes(actor.accountId);

const rules: Record<string, (actor: Viewer, r: ArticleResource) => boolean> = {
  [ArticleAction.Read]: reads,
  // Owners and reviewers keep their part only while they may still read the scope (someone who left a community loses its drafts).
  [ArticleAction.ReadDraft]: (actor, r) => ((owns(actor, r) || reviews(actor, r)) && (r.access === null || reads(actor, r))) || manages(actor, r),
  [ArticleAction.Edit]: (actor, r) => (owns(actor, r) && (r.access === null || reads(actor, r))) || manages(actor, r),
  [ArticleAction.Review]: (actor, r) => reviews(actor, r) && (r.access === null || reads(actor, r)),
  [ArticleAction.Publish]: manages,
  [ArticleAction.Manage]: manages,
  [ArticleAction.Feedback]: reads,
};

export const articleRules: Record<string, AuthorizationRule> = Object.fromEntries(
  Object.entries(rules).map(([action, rule]) => [action, (actor: Viewer, resource: unknown) => rule(actor, resource as ArticleResource)]),
);
