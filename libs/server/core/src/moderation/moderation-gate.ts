import type { EntityManager } from 'typeorm';
import type { Viewer } from '../context/viewer';

/** What moderation sees of any piece of content, whatever domain wrote it. */
export interface ModeratedContent {
  /** e.g. 'forum-thread', 'forum-reply', 'blog-post'. */
  kind: string;
  communityId: string;
  author: Viewer;
  /** Everything a person typed: title and body together. */
  text: string;
  /** The id of the content when editing; null when creating. */
  contentId: string | null;
}

export type ModerationDecision =
  | { outcome: 'ALLOW' }
  | { outcome: 'HOLD'; reason: string }
  | { outcome: 'REJECT'; rule: string; reason: string };

/**
 * The one call every content write makes before it writes, in the write's transaction.
 * Until the moderation domain provides its policies, everything is allowed.
 */
export abstract class ModerationGate {
  abstract evaluate(manager: EntityManager, content: ModeratedContent): Promise<ModerationDecision>;
}

export class AllowEverything extends ModerationGate {
  async evaluate(): Promise<ModerationDecision> {
    return { outcome: 'ALLOW' };
  }
}
