import type { DomainEvent } from '@commons/server-core';
import type { ModerationState } from '@commons/shared-contracts';
import type { BlogCommentEntity } from './entities/blog-comment.entity';
import type { BlogPostEntity } from './entities/blog-post.entity';

/** A post was published (or its rejected edit applied) by its authors or by an overturned rejection (`onAppeal`). */
export function postPublished(post: BlogPostEntity, onAppeal = false): DomainEvent {
  return {
    type: 'blog.post.published',
    communityId: post.communityId,
    subjectId: post.id,
    payload: { authorId: post.authorId, state: post.moderationState, publishedAt: (post.publishedAt ?? post.updatedAt).toISOString(), ...(onAppeal ? { onAppeal } : {}) },
  };
}

/** A comment appeared under its post (the event's subject, so the post's readers hear of it). */
export function commentCreated(comment: BlogCommentEntity, onAppeal = false): DomainEvent {
  return {
    type: 'blog.comment.created',
    communityId: comment.communityId,
    subjectId: comment.postId,
    payload: { commentId: comment.id, parentId: comment.parentId, authorId: comment.authorId, state: comment.moderationState, ...(onAppeal ? { onAppeal } : {}) },
  };
}

export function postModerated(post: BlogPostEntity, state: ModerationState): DomainEvent {
  return { type: 'blog.post.moderated', communityId: post.communityId, subjectId: post.id, payload: { state } };
}

export function commentModerated(comment: BlogCommentEntity, state: ModerationState): DomainEvent {
  return { type: 'blog.comment.moderated', communityId: comment.communityId, subjectId: comment.postId, payload: { commentId: comment.id, state } };
}

/**
 * Whether the post is in front of readers now (published, visible, its time come), so the event
 * about it announces it; stamps `announcedAt` when it is. A post that is not yet is announced
 * later by ScheduledPostAnnouncer.
 */
export function announceIfAppeared(post: BlogPostEntity, now: Date): boolean {
  const appeared = post.state === 'PUBLISHED' && post.moderationState === 'VISIBLE' && post.publishedAt !== null && post.publishedAt <= now;
  if (appeared) post.announcedAt ??= now;
  return appeared;
}
