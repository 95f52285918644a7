import type { EntityManager } from 'typeorm';
import { ReplyEntity } from './entities/reply.entity';
import { ThreadEntity } from './entities/thread.entity';

/** A thread as first stored (when posted, or when an overturned rejection publishes it): no replies, states or edits yet. */
export function newThreadRow(
  fields: Pick<ThreadEntity, 'id' | 'communityId' | 'categoryId' | 'authorId' | 'kind' | 'title' | 'body' | 'bodyHtml' | 'tags' | 'moderationState'>,
  now: Date,
): ThreadEntity {
  return Object.assign(new ThreadEntity(), {
    ...fields,
    lockedAt: null,
    pinnedAt: null,
    duplicateOfId: null,
    replyCount: 0,
    firstResponseAt: null,
    acceptedReplyId: null,
    resolvedAt: null,
    createdAt: now,
    lastActivityAt: now,
    editedAt: null,
    deletedAt: null,
    version: 1,
  });
}

/** A reply as first stored. */
export function newReplyRow(fields: Pick<ReplyEntity, 'id' | 'threadId' | 'communityId' | 'authorId' | 'replyToId' | 'body' | 'bodyHtml' | 'moderationState'>, now: Date): ReplyEntity {
  return Object.assign(new ReplyEntity(), { ...fields, createdAt: now, editedAt: null, deletedAt: null, version: 1 });
}

/**
 * A reply appears in its (locked) thread: counted, latest activity, and the first response when
 * someone else wrote it. Writes only those counters, whoever calls it (posting, approval, restore).
 */
export async function countReply(manager: EntityManager, thread: ThreadEntity, authorId: string, at: Date): Promise<void> {
  thread.replyCount += 1;
  if (at > thread.lastActivityAt) thread.lastActivityAt = at;
  // Time to first response counts answers from someone else, not the author's own follow-ups.
  if (!thread.firstResponseAt && authorId !== thread.authorId) thread.firstResponseAt = at;
  await manager.update(ThreadEntity, thread.id, { replyCount: thread.replyCount, lastActivityAt: thread.lastActivityAt, firstResponseAt: thread.firstResponseAt });
}
