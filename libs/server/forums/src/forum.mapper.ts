import type { CommunityAccess } from '@commons/server-communities';
import type { ForumCategoryEntity } from './entities/forum-category.entity';
import type { ReplyEntity } from './entities/reply.entity';
import type { ReplyRow, ThreadRow } from './forum.repository';
import type { ForumCategoryType, ReplyType, ThreadType } from './dto/forum.types';

const REMOVED_HTML = '<p><em>Removed by its author.</em></p>';

/** A deleted thread keeps its place and replies; its words and its author are gone from every view. */
export function toThreadType(t: ThreadRow, access: CommunityAccess): ThreadType {
  const deleted = t.deletedAt !== null;
  return {
    access,
    authorId: t.authorId,
    id: t.id,
    communityId: t.communityId,
    categoryId: t.categoryId,
    kind: t.kind,
    title: deleted ? 'Removed by its author' : t.title,
    body: deleted ? '' : t.body,
    bodyHtml: deleted ? REMOVED_HTML : t.bodyHtml,
    tags: deleted ? [] : t.tags,
    author: deleted ? null : t.author,
    locked: t.lockedAt !== null,
    pinned: t.pinnedAt !== null,
    duplicateOfId: t.duplicateOfId,
    replyCount: t.replyCount,
    viewCount: t.viewCount,
    firstResponseAt: t.firstResponseAt,
    acceptedReplyId: t.acceptedReplyId,
    resolvedAt: t.resolvedAt,
    createdAt: t.createdAt,
    lastActivityAt: t.lastActivityAt,
    editedAt: t.editedAt,
    deleted,
    version: t.version,
    moderationState: t.moderationState,
    reactions: t.reactions,
  };
}

export function toReplyType(r: ReplyRow, access: CommunityAccess): ReplyType {
  const deleted = r.deletedAt !== null;
  return {
    access,
    authorId: r.authorId,
    id: r.id,
    threadId: r.threadId,
    author: deleted ? null : r.author,
    body: deleted ? '' : r.body,
    bodyHtml: deleted ? REMOVED_HTML : r.bodyHtml,
    replyTo: r.replyTo,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    deleted,
    version: r.version,
    moderationState: r.moderationState,
    reactions: r.reactions,
  };
}

/** A reply just written or changed, before it is read back with its page. */
export function replyEntityToType(r: ReplyEntity, access: CommunityAccess, author: ReplyRow['author']): ReplyType {
  return toReplyType({ ...r, author, replyTo: null, reactions: [] }, access);
}

export function toCategoryType(c: ForumCategoryEntity, access: CommunityAccess, viewerFollows = false): ForumCategoryType {
  return { access, id: c.id, communityId: c.communityId, name: c.name, slug: c.slug, description: c.description, position: c.position, viewerFollows };
}
