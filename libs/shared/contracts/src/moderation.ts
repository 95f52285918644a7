/** Where a post stands with moderation. Anything but VISIBLE is seen only by its author and the community's moderators. */
export const ModerationState = {
  Visible: 'VISIBLE',
  /** Held by the policy when written: awaiting review. */
  Held: 'HELD',
  /** Hidden after enough flags: awaiting review. */
  Hidden: 'HIDDEN',
  /** A moderator rejected it on review. */
  Rejected: 'REJECTED',
} as const;
export type ModerationState = (typeof ModerationState)[keyof typeof ModerationState];
export const MODERATION_STATES: readonly ModerationState[] = Object.values(ModerationState);

/** The kinds of content the write paths moderate (RuleScope.contentKinds uses the same names). */
export const ContentKind = {
  ForumThread: 'forum-thread',
  ForumReply: 'forum-reply',
  BlogPost: 'blog-post',
  BlogComment: 'blog-comment',
  KnowledgeFeedback: 'knowledge-feedback',
} as const;
export type ContentKind = (typeof ContentKind)[keyof typeof ContentKind];
export const CONTENT_KINDS: readonly ContentKind[] = Object.values(ContentKind);

/** Why an item is in the review queue. */
export const QueueSource = { Policy: 'POLICY', Flags: 'FLAGS' } as const;
export type QueueSource = (typeof QueueSource)[keyof typeof QueueSource];
export const QUEUE_SOURCES: readonly QueueSource[] = Object.values(QueueSource);

export const QueueStatus = { Pending: 'PENDING', Approved: 'APPROVED', Rejected: 'REJECTED' } as const;
export type QueueStatus = (typeof QueueStatus)[keyof typeof QueueStatus];
export const QUEUE_STATUSES: readonly QueueStatus[] = Object.values(QueueStatus);

/** What a moderator does with a queue item. */
export const ReviewAction = { Approve: 'APPROVE', Reject: 'REJECT', Escalate: 'ESCALATE' } as const;
export type ReviewAction = (typeof ReviewAction)[keyof typeof ReviewAction];
export const REVIEW_ACTIONS: readonly ReviewAction[] = Object.values(ReviewAction);

export const FlagReason = { Spam: 'SPAM', Harassment: 'HARASSMENT', OffTopic: 'OFF_TOPIC', Confidential: 'CONFIDENTIAL', Other: 'OTHER' } as const;
export type FlagReason = (typeof FlagReason)[keyof typeof FlagReason];
export const FLAG_REASONS: readonly FlagReason[] = Object.values(FlagReason);

export const SanctionKind = {
  Warn: 'WARN',
  /** Cannot post in the community until it ends. */
  Mute: 'MUTE',
  /** Cannot use the platform until it ends (admins only). */
  Suspend: 'SUSPEND',
} as const;
export type SanctionKind = (typeof SanctionKind)[keyof typeof SanctionKind];
export const SANCTION_KINDS: readonly SanctionKind[] = Object.values(SanctionKind);

/** What an appeal is about. */
export const AppealTarget = {
  /** A post the policy rejected when it was written (nothing was stored but the attempt). */
  Decision: 'DECISION',
  /** A held, hidden or review-rejected post. */
  QueueItem: 'QUEUE_ITEM',
  Sanction: 'SANCTION',
} as const;
export type AppealTarget = (typeof AppealTarget)[keyof typeof AppealTarget];
export const APPEAL_TARGETS: readonly AppealTarget[] = Object.values(AppealTarget);

export const AppealStatus = { Pending: 'PENDING', Upheld: 'UPHELD', Overturned: 'OVERTURNED' } as const;
export type AppealStatus = (typeof AppealStatus)[keyof typeof AppealStatus];
export const APPEAL_STATUSES: readonly AppealStatus[] = Object.values(AppealStatus);

export const DryRunStatus = { Running: 'RUNNING', Done: 'DONE', Failed: 'FAILED' } as const;
export type DryRunStatus = (typeof DryRunStatus)[keyof typeof DryRunStatus];
export const DRY_RUN_STATUSES: readonly DryRunStatus[] = Object.values(DryRunStatus);

/** Which policy a row is: the platform's (mandatory rules), an audience's default, or a community's own. */
export const PolicyScope = { Platform: 'PLATFORM', AudienceDefault: 'AUDIENCE_DEFAULT', Community: 'COMMUNITY' } as const;
export type PolicyScope = (typeof PolicyScope)[keyof typeof PolicyScope];
export const POLICY_SCOPES: readonly PolicyScope[] = Object.values(PolicyScope);

export const APPEAL_MESSAGE_MAX_LENGTH = 2_000;
export const DRY_RUN_MAX_DAYS = 365;
