import type { Audience } from '@commons/shared-contracts';

/** One earlier post by the same account in the same community. */
export interface RecentPost {
  at: Date;
  /** contentFingerprint() of that post, stored with it when it was written. */
  fingerprint: string;
}

/**
 * What the store knows about the author and the community at the time of the write. The
 * engine only reads it; `CompiledPolicy.requirements` says how much history a policy needs.
 */
export interface AuthorContext {
  /** The write's time (from the injected clock): windows are (now − window, now]. */
  now: Date;
  authorAudience: Audience;
  communityAudience: Audience;
  /**
   * The author's accepted posts in this community so far, not counting this one: published
   * ones and held ones a moderator approved (not pending, rejected or removed ones).
   */
  postsInCommunity: number;
  /** When the author joined the community; null when not a member. */
  memberSince: Date | null;
  /**
   * The author's posts in this community within the last `requirements.lookbackSeconds`
   * (creations only, whatever their decision, excluding the content being edited), any order.
   */
  recentPosts: readonly RecentPost[];
  /** Keys of the guidelines the author acknowledged (current versions); null when unknown, which fails the check. */
  acknowledgedGuidelines: readonly string[] | null;
}
