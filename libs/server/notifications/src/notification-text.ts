import { NotificationKind, NotificationTargetKind } from './notification-kinds';

/** What a sentence about a notification needs: the same for the notifications page and the digest e-mail. */
export interface NotificationFacts {
  kind: NotificationKind;
  actorNames: readonly string[];
  actorCount: number;
  target: {
    kind: NotificationTargetKind;
    title: string | null;
    communityName: string | null;
    message: string | null;
  };
}

/** "Ana Lima", "Ana Lima and Bo Chen", "Ana Lima and 4 others". */
export function actorsPhrase(names: readonly string[], count: number): string {
  const first = names[0] ?? 'Someone';
  const total = Math.max(count, names.length, 1);
  if (total === 1) return first;
  if (total === 2 && names[1]) return `${first} and ${names[1]}`;
  return `${first} and ${total - 1} others`;
}

const THINGS: Record<NotificationTargetKind, string> = {
  [NotificationTargetKind.THREAD]: 'thread',
  [NotificationTargetKind.REPLY]: 'reply',
  [NotificationTargetKind.BLOG_POST]: 'blog post',
  [NotificationTargetKind.BLOG_COMMENT]: 'comment',
  [NotificationTargetKind.MODERATION_NOTICE]: 'notice',
  [NotificationTargetKind.COMMUNITY_INVITATION]: 'invitation',
  [NotificationTargetKind.JOIN_REQUEST]: 'request',
  [NotificationTargetKind.ARTICLE]: 'article',
  [NotificationTargetKind.GUIDELINE]: 'guideline',
  [NotificationTargetKind.COURSE]: 'course',
};

/** One plain-text sentence saying what happened (escape it for HTML). */
export function summaryOf(n: NotificationFacts): string {
  const who = actorsPhrase(n.actorNames, n.actorCount);
  const title = n.target.title ? `“${n.target.title}”` : 'a post';
  const community = n.target.communityName ?? 'a community';
  const thing = THINGS[n.target.kind];
  switch (n.kind) {
    case NotificationKind.THREAD_REPLY:
      return `${who} replied to your thread ${title}`;
    case NotificationKind.REPLY_QUOTED:
      return `${who} replied to your reply in ${title}`;
    case NotificationKind.FOLLOWED_THREAD_REPLY:
      return `${who} replied in ${title}, a thread you follow`;
    case NotificationKind.FOLLOWED_NEW_THREAD:
      return `${who} started ${title} in ${community}`;
    case NotificationKind.FOLLOWED_BLOG_POST:
      return `${who} published ${title} in ${community}`;
    case NotificationKind.MENTION:
      return `${who} mentioned you in ${title}`;
    case NotificationKind.ANSWER_ACCEPTED:
      return `${who} accepted your answer in ${title}`;
    case NotificationKind.QUESTION_ANSWERED:
      return `${who} accepted an answer to your question ${title}`;
    case NotificationKind.REACTION:
      return n.target.kind === NotificationTargetKind.THREAD || n.target.kind === NotificationTargetKind.BLOG_POST
        ? `${who} reacted to your ${thing} ${title}`
        : `${who} reacted to your ${thing} in ${title}`;
    case NotificationKind.BLOG_COMMENT:
      return `${who} commented on your blog post ${title}`;
    case NotificationKind.COMMENT_REPLY:
      return `${who} answered your comment on ${title}`;
    case NotificationKind.CONTENT_HELD:
      return `Your ${thing} in ${community} is waiting for a moderator's review`;
    case NotificationKind.MODERATION_NOTICE:
      return n.target.message ?? 'Moderation has news about your account or posts';
    case NotificationKind.COMMUNITY_INVITATION:
      return `${who} invited you to join ${community}`;
    case NotificationKind.JOIN_REQUESTED:
      return `${who} asked to join ${community}`;
    case NotificationKind.JOIN_REQUEST_APPROVED:
      return `Your request to join ${community} was approved`;
    case NotificationKind.JOIN_REQUEST_DENIED:
      return `Your request to join ${community} was declined`;
    case NotificationKind.ARTICLE_REVIEW_REQUESTED:
      return `${title} is waiting for your review`;
    case NotificationKind.ARTICLE_APPROVED:
      return `${who} approved your article ${title}`;
    case NotificationKind.ARTICLE_RETURNED:
      return `${who} sent your article ${title} back with comments`;
    case NotificationKind.ARTICLE_REVIEW_DUE:
      return `Your article ${title} is due for review`;
    case NotificationKind.GUIDELINE_ACKNOWLEDGEMENT_REQUESTED:
      return `${title} has a new version: please read and acknowledge it`;
    case NotificationKind.GUIDELINE_REMINDER:
      return `Reminder: please read and acknowledge ${title}`;
    case NotificationKind.COURSE_ASSIGNED:
      return `${who} assigned you the course ${title}`;
    case NotificationKind.COURSE_DUE_SOON:
      return `The course ${title} is due soon`;
    case NotificationKind.SLA_BREACHED:
      return `The question ${title} in ${community} has waited for an answer longer than its SLA`;
  }
}
