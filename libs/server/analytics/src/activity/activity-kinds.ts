/** What the activity log records; one row per thing someone did (the `activity_kind` enum). */
export const ActivityKind = {
  SignIn: 'SIGN_IN',
  /** A session used on a new day: daily presence without a new sign-in. */
  Presence: 'PRESENCE',
  View: 'VIEW',
  Thread: 'THREAD',
  Reply: 'REPLY',
  BlogPost: 'BLOG_POST',
  Comment: 'COMMENT',
  Reaction: 'REACTION',
  AcceptedAnswer: 'ACCEPTED_ANSWER',
  Join: 'JOIN',
  Leave: 'LEAVE',
  Flag: 'FLAG',
  /** An automatic hold or rejection (the author's post). */
  ModerationDecision: 'MODERATION_DECISION',
  QueueEntered: 'QUEUE_ENTERED',
  QueueLeft: 'QUEUE_LEFT',
  AppealDecided: 'APPEAL_DECIDED',
  Acknowledgement: 'ACKNOWLEDGEMENT',
  CourseCompletion: 'COURSE_COMPLETION',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];

/** The community of platform-wide activity in the daily rollups (their key has no nulls). */
export const PLATFORM_COMMUNITY = '00000000-0000-0000-0000-000000000000';
