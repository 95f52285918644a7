import type { DomainEvent } from '@commons/server-core';
import type { ModerationState } from '@commons/shared-contracts';
import type { ReplyEntity } from './entities/reply.entity';
import type { ThreadEntity } from './entities/thread.entity';

/** The forum's event types: what a thread's readers follow (see ThreadActivity). */
export const ForumEvent = {
  ThreadCreated: 'forum.thread.created',
  ThreadModerated: 'forum.thread.moderated',
  ReplyCreated: 'forum.reply.created',
  ReplyModerated: 'forum.reply.moderated',
} as const;

/** A thread appeared: posted, or published by an overturned rejection (`onAppeal`). */
export function threadCreated(thread: ThreadEntity, onAppeal = false): DomainEvent {
  return {
    type: ForumEvent.ThreadCreated,
    communityId: thread.communityId,
    subjectId: thread.id,
    payload: { categoryId: thread.categoryId, authorId: thread.authorId, state: thread.moderationState, ...(onAppeal ? { onAppeal } : {}) },
  };
}

/** A reply appeared in its thread (the event's subject, so the thread's readers hear of it). */
export function replyCreated(reply: ReplyEntity, onAppeal = false): DomainEvent {
  return {
    type: ForumEvent.ReplyCreated,
    communityId: reply.communityId,
    subjectId: reply.threadId,
    payload: { replyId: reply.id, authorId: reply.authorId, state: reply.moderationState, ...(onAppeal ? { onAppeal } : {}) },
  };
}

export function threadModerated(thread: ThreadEntity, state: ModerationState): DomainEvent {
  return { type: ForumEvent.ThreadModerated, communityId: thread.communityId, subjectId: thread.id, payload: { state } };
}

export function replyModerated(reply: ReplyEntity, state: ModerationState): DomainEvent {
  return { type: ForumEvent.ReplyModerated, communityId: reply.communityId, subjectId: reply.threadId, payload: { replyId: reply.id, state } };
}
