import type { EntityManager } from 'typeorm';
import type { Audience, ContentKind, ModerationState } from '@commons/shared-contracts';
import type { Viewer } from '../context/viewer';
import type { PolicyRejectedError } from '../errors/domain-errors';

/** What moderation sees of any piece of content, whatever domain wrote it. */
export interface ModeratedContent {
  kind: ContentKind;
  /** The content's id: the new id when creating (so the decision and any queue item point at it). */
  contentId: string;
  /** An edit of existing content: new-member, rate-limit and duplicate rules do not apply. */
  isEdit: boolean;
  communityId: string;
  author: Viewer;
  title: string | null;
  /** Markdown as typed (a blog post's excerpt is part of it). */
  body: string;
  /** The community facts the write path already loaded, so moderation does not query them again. */
  communityAudiences: readonly Audience[];
  /** When the author joined the community; null when not a member. */
  memberSince: Date | null;
  /**
   * Where the post goes, kept with a rejected attempt so a moderator who overturns the rejection
   * on appeal can publish it (the thread of a reply, the category, kind and tags of a thread…).
   */
  placement?: Record<string, unknown>;
}

/** What the write stores: VISIBLE, or HELD for review (REJECT throws PolicyRejectedError instead). */
export interface ModerationOutcome {
  state: 'VISIBLE' | 'HELD';
  /** The recorded decision (null where no policy applies). */
  decisionId: string | null;
  /** Shown to the author when held. */
  reason: string | null;
}

/**
 * The one call every content write makes before it writes, in the write's transaction: it
 * records the decision there, queues held content, and throws PolicyRejectedError on REJECT
 * (FORBIDDEN when the author is muted). After the transaction rolls back on a rejection, the
 * caller hands the error to `recordRejection` so the attempt is kept for the audit log and metrics.
 */
export abstract class ModerationGate {
  abstract evaluate(manager: EntityManager, content: ModeratedContent): Promise<ModerationOutcome>;
  abstract recordRejection(error: PolicyRejectedError): Promise<void>;
}

/** A post as the review queue, the audit log and the dry-run see it. */
export interface ModeratedContentSummary {
  kind: ContentKind;
  id: string;
  communityId: string;
  authorId: string;
  title: string | null;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  state: ModerationState;
  deleted: boolean;
  /** Where a reader opens it: the thread of a reply, the post of a comment. */
  parentId: string | null;
}

/**
 * A summary from a row a source selected with the columns id, community_id, author_id, title,
 * body, body_html, created_at, moderation_state, deleted (boolean) and parent_id.
 */
export function contentSummaryOf(kind: ContentKind, r: Record<string, unknown>): ModeratedContentSummary {
  return {
    kind,
    id: r['id'] as string,
    communityId: r['community_id'] as string,
    authorId: r['author_id'] as string,
    title: (r['title'] as string | null) ?? null,
    body: r['body'] as string,
    bodyHtml: r['body_html'] as string,
    createdAt: r['created_at'] as Date,
    state: r['moderation_state'] as ModerationState,
    deleted: r['deleted'] === true,
    parentId: (r['parent_id'] as string | null) ?? null,
  };
}

/** One post of a community's history, for the dry-run, oldest first. */
export interface HistoricalContent {
  kind: ContentKind;
  id: string;
  authorId: string;
  title: string | null;
  body: string;
  createdAt: Date;
}

/**
 * What a content domain lets moderation do with its posts, registered at start-up. Moderation
 * never imports a content domain: the queue, approvals and the dry-run go through this.
 */
export interface ModeratedContentSource {
  readonly kind: ContentKind;
  summaries(manager: EntityManager, ids: readonly string[]): Promise<ModeratedContentSummary[]>;
  /**
   * Moves a post to another moderation state in the caller's transaction. `firstAppearance`: a
   * post held when it was created is approved, so it now counts in its thread (reply count, last
   * activity, first response) as if it had just been posted. `body` replaces the Markdown when a
   * moderator edits before approving.
   */
  setState(manager: EntityManager, id: string, state: ModerationState, options?: { body?: string; firstAppearance?: boolean; editorId?: string }): Promise<void>;
  /** Posts created in (since, until] after the keyset, oldest first, at most `limit`. */
  history(manager: EntityManager, communityId: string, since: Date, until: Date, after: { at: Date; id: string } | null, limit: number): Promise<HistoricalContent[]>;
  /** How many posts `history` would return (for progress). */
  countHistory(manager: EntityManager, communityId: string, since: Date, until: Date): Promise<number>;
  /** Each author's visible posts in the community created before `before` (for the dry-run's new-member rules). */
  postCountsBefore(manager: EntityManager, communityId: string, before: Date): Promise<Map<string, number>>;
  /**
   * A statement selecting one row per visible post of author $1 in community $2, which
   * moderation unions with the other kinds to count an author's accepted posts in one statement.
   */
  readonly visiblePostsSql: string;
  /** Publishes a rejected attempt whose rejection a moderator overturned; false when it can no longer be placed (its thread is gone). */
  restore?(manager: EntityManager, attempt: RejectedAttempt): Promise<boolean>;
}

/** What a rejected write tried to post. */
export interface RejectedAttempt {
  contentId: string;
  authorId: string;
  communityId: string;
  title: string | null;
  body: string;
  placement: Record<string, unknown>;
}

/** The registry content domains add their sources to. */
export class ModeratedContentRegistry {
  private readonly sources = new Map<ContentKind, ModeratedContentSource>();

  register(source: ModeratedContentSource): void {
    if (this.sources.has(source.kind)) throw new Error(`Content kind "${source.kind}" is registered twice`);
    this.sources.set(source.kind, source);
  }

  get(kind: ContentKind): ModeratedContentSource {
    const source = this.sources.get(kind);
    if (!source) throw new Error(`No moderated content source for "${kind}"`);
    return source;
  }

  all(): ModeratedContentSource[] {
    return [...this.sources.values()];
  }
}
