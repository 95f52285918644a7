// Keys as the schema spells the values (GraphQL enums take the keys).

/** What a notification tells its recipient. */
export enum NotificationKind {
  /** Someone replied to your thread. */
  THREAD_REPLY = 'THREAD_REPLY',
  /** Someone replied quoting your reply. */
  REPLY_QUOTED = 'REPLY_QUOTED',
  /** A new reply in a thread you follow. */
  FOLLOWED_THREAD_REPLY = 'FOLLOWED_THREAD_REPLY',
  /** A new thread in a category or under a tag you follow. */
  FOLLOWED_NEW_THREAD = 'FOLLOWED_NEW_THREAD',
  /** A new post in a blog, or under a tag, you follow. */
  FOLLOWED_BLOG_POST = 'FOLLOWED_BLOG_POST',
  MENTION = 'MENTION',
  /** Your reply was accepted as the answer. */
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  /** A moderator accepted an answer to your question. */
  QUESTION_ANSWERED = 'QUESTION_ANSWERED',
  /** People reacted to your post; one notification gathers them while it is unread. */
  REACTION = 'REACTION',
  /** Someone commented on your blog post. */
  BLOG_COMMENT = 'BLOG_COMMENT',
  /** Someone answered your comment. */
  COMMENT_REPLY = 'COMMENT_REPLY',
  /** Your post waits for a moderator's review. */
  CONTENT_HELD = 'CONTENT_HELD',
  /** Moderation told you something (approved, rejected, hidden, sanctioned, appeal decided): see the notice. */
  MODERATION_NOTICE = 'MODERATION_NOTICE',
  COMMUNITY_INVITATION = 'COMMUNITY_INVITATION',
  /** Someone asked to join a community you manage. */
  JOIN_REQUESTED = 'JOIN_REQUESTED',
  JOIN_REQUEST_APPROVED = 'JOIN_REQUEST_APPROVED',
  JOIN_REQUEST_DENIED = 'JOIN_REQUEST_DENIED',
  /** A knowledge article waits for your review. */
  ARTICLE_REVIEW_REQUESTED = 'ARTICLE_REVIEW_REQUESTED',
  /** A reviewer approved your article. */
  ARTICLE_APPROVED = 'ARTICLE_APPROVED',
  /** A reviewer sent your article back with a comment. */
  ARTICLE_RETURNED = 'ARTICLE_RETURNED',
  /** An article you own is due for review. */
  ARTICLE_REVIEW_DUE = 'ARTICLE_REVIEW_DUE',
  /** A guideline has a new version for you to read and acknowledge. */
  GUIDELINE_ACKNOWLEDGEMENT_REQUESTED = 'GUIDELINE_ACKNOWLEDGEMENT_REQUESTED',
  /** A manager reminded you to acknowledge a guideline. */
  GUIDELINE_REMINDER = 'GUIDELINE_REMINDER',
  /** You were assigned a course. */
  COURSE_ASSIGNED = 'COURSE_ASSIGNED',
  /** An assigned course is due soon. */
  COURSE_DUE_SOON = 'COURSE_DUE_SOON',
  /** A question in a community you manage has waited for a first answer past its SLA. */
  SLA_BREACHED = 'SLA_BREACHED',
}

/** What a notification is about: the link it opens. */
export enum NotificationTargetKind {
  THREAD = 'THREAD',
  REPLY = 'REPLY',
  BLOG_POST = 'BLOG_POST',
  BLOG_COMMENT = 'BLOG_COMMENT',
  MODERATION_NOTICE = 'MODERATION_NOTICE',
  COMMUNITY_INVITATION = 'COMMUNITY_INVITATION',
  JOIN_REQUEST = 'JOIN_REQUEST',
  ARTICLE = 'ARTICLE',
  GUIDELINE = 'GUIDELINE',
  COURSE = 'COURSE',
}

/** Targets that are about the recipient personally, not content they read: shown whatever their access to the community now. */
export const PERSONAL_TARGETS: readonly NotificationTargetKind[] = [
  NotificationTargetKind.MODERATION_NOTICE,
  NotificationTargetKind.COMMUNITY_INVITATION,
  NotificationTargetKind.JOIN_REQUEST,
  // What the Center of Excellence asks of the recipient (a review, an acknowledgement, a course): addressed to them.
  NotificationTargetKind.ARTICLE,
  NotificationTargetKind.GUIDELINE,
  NotificationTargetKind.COURSE,
];

export enum EmailDigest {
  NONE = 'NONE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}

/**
 * The switches of a person's in-app notifications, each a column of notification_preferences.
 * Moderation outcomes have none: people always hear what moderation decided about them.
 */
export type PreferenceGroup = 'replies' | 'mentions' | 'reactions' | 'followed' | 'communities';

export const PREFERENCE_GROUPS: Record<NotificationKind, PreferenceGroup | null> = {
  [NotificationKind.THREAD_REPLY]: 'replies',
  [NotificationKind.REPLY_QUOTED]: 'replies',
  [NotificationKind.ANSWER_ACCEPTED]: 'replies',
  [NotificationKind.QUESTION_ANSWERED]: 'replies',
  [NotificationKind.BLOG_COMMENT]: 'replies',
  [NotificationKind.COMMENT_REPLY]: 'replies',
  [NotificationKind.MENTION]: 'mentions',
  [NotificationKind.REACTION]: 'reactions',
  [NotificationKind.FOLLOWED_THREAD_REPLY]: 'followed',
  [NotificationKind.FOLLOWED_NEW_THREAD]: 'followed',
  [NotificationKind.FOLLOWED_BLOG_POST]: 'followed',
  [NotificationKind.COMMUNITY_INVITATION]: 'communities',
  [NotificationKind.JOIN_REQUESTED]: 'communities',
  [NotificationKind.JOIN_REQUEST_APPROVED]: 'communities',
  [NotificationKind.JOIN_REQUEST_DENIED]: 'communities',
  [NotificationKind.CONTENT_HELD]: null,
  [NotificationKind.MODERATION_NOTICE]: null,
  // What the programme asks of someone (review, acknowledge, train) cannot be switched off.
  [NotificationKind.ARTICLE_REVIEW_REQUESTED]: null,
  [NotificationKind.ARTICLE_APPROVED]: null,
  [NotificationKind.ARTICLE_RETURNED]: null,
  [NotificationKind.ARTICLE_REVIEW_DUE]: null,
  [NotificationKind.GUIDELINE_ACKNOWLEDGEMENT_REQUESTED]: null,
  [NotificationKind.GUIDELINE_REMINDER]: null,
  [NotificationKind.COURSE_ASSIGNED]: null,
  [NotificationKind.COURSE_DUE_SOON]: null,
  // A manager's own support target: they set it to hear when it is missed.
  [NotificationKind.SLA_BREACHED]: null,
};

/** The event the relay publishes to a person whose notifications changed (subject: their account). */
export const NOTIFICATION_CHANGED = 'notification.changed';
