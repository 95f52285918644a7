import type { DomainEvent } from '@commons/server-core';
import type { ModerationState } from '@commons/shared-contracts';
import type { ReplyEntity } from './entities/reply.entity';
import type { ReactionTarget } from './reaction-targets';
import type { ThreadEntity } from './entities/thread.entity';

/** The forum's event types: what a thread's readers follow (see ThreadActivity) and notifications are made of. */
export const ForumEvent = {
  ThreadCreated: 'forum.thread.created',
  ThreadModerated: 'forum.thread.moderated',
  /** Its title, text or tags were edited, or it was deleted (`deleted`). */
  ThreadEdited: 'forum.thread.edited',
  /** Locked, pinned or closed as a duplicate, or the reverse (a moderator's change). */
  ThreadStateChanged: 'forum.thread.state-changed',
  AnswerAccepted: 'forum.answer.accepted',
  ReplyCreated: 'forum.reply.created',
  ReplyModerated: 'forum.reply.moderated',
  /** Its text was edited, or it was deleted (`deleted`: readers get the tombstone). */
  ReplyEdited: 'forum.reply.edited',
  /** A reaction added or taken back, on any reactable post (forum or blog). */
  ReactionChanged: 'reaction.changed',
} as const;

/** A thread appeared: posted, or published by an overturned rejection (`onAppeal`). */
export function threadCreated(thread: ThreadEntity, onAppeal = false): DomainEvent {
  return {
    type: ForumEvent.ThreadCreated,
    communityId: thread.communityId,
    subjectId: thread.id,
    payload: { categoryId: thread.categoryId, authorId: thread.authorId, kind: thread.kind, state: thread.moderationState, ...(onAppeal ? { onAppeal } : {}) },
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
  return { type: ForumEvent.ReplyModerated, communityId: reply.communityId, subjectId: reply.threadId, payload: { replyId: reply.id, authorId: reply.authorId, state } };
}

/** A thread's text changed (`by` is who edited or deleted it: a moderator removing it is not its author). */
export function threadEdited(thread: ThreadEntity, by: string, deleted = false): DomainEvent {
  return {
    type: ForumEvent.ThreadEdited,
    communityId: thread.communityId,
    subjectId: thread.id,
    payload: { authorId: thread.authorId, by, state: thread.moderationState, ...(deleted ? { deleted } : {}) },
  };
}

export function threadStateChanged(thread: ThreadEntity, by: string): DomainEvent {
  return {
    type: ForumEvent.ThreadStateChanged,
    communityId: thread.communityId,
    subjectId: thread.id,
    payload: { by, locked: thread.lockedAt !== null, pinned: thread.pinnedAt !== null, duplicateOfId: thread.duplicateOfId },
  };
}

/** The question's accepted answer is now `reply` (its author hears of it; so does the asker when a moderator chose). */
export function answerAccepted(thread: ThreadEntity, reply: ReplyEntity, by: string): DomainEvent {
  return {
    type: ForumEvent.AnswerAccepted,
    communityId: thread.communityId,
    subjectId: thread.id,
    payload: { replyId: reply.id, replyAuthorId: reply.authorId, askerId: thread.authorId, by },
  };
}

export function replyEdited(reply: ReplyEntity, by: string, deleted = false): DomainEvent {
  return {
    type: ForumEvent.ReplyEdited,
    communityId: reply.communityId,
    subjectId: reply.threadId,
    payload: { replyId: reply.id, authorId: reply.authorId, by, state: reply.moderationState, ...(deleted ? { deleted } : {}) },
  };
}

/** Someone reacted to a post (`on`) or took the reaction back; the post's readers get its new counts. */
export function reactionChanged(target: ReactionTarget, accountId: string, kind: string, on: boolean): DomainEvent {
  return {
    type: ForumEvent.ReactionChanged,
    communityId: target.communityId,
    subjectId: target.subjectId,
    payload: { targetId: target.id, authorId: target.authorId, accountId, kind, on },
  };
}
