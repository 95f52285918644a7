import type { ApolloCache, Reference } from '@apollo/client';

/** A queue page as relayStylePagination keeps it in the cache. */
interface StoredQueue {
  edges?: ReadonlyArray<{ node: Reference }>;
  totalCount?: number;
}

/**
 * Items decided (by the viewer, or someone else first) leave every cached queue, whatever its
 * filters; the counts follow.
 */
export function removeFromQueues(cache: ApolloCache, itemIds: readonly string[], communityIds: ReadonlyArray<string | null>): void {
  if (itemIds.length === 0) return;
  const gone = new Set(itemIds);
  cache.modify<{ moderationQueue: StoredQueue }>({
    id: 'ROOT_QUERY',
    fields: {
      moderationQueue: (existing, { readField, isReference }) => {
        if (isReference(existing) || !existing?.edges) return existing;
        const edges = existing.edges.filter((edge) => !gone.has(readField<string>('id', edge.node) ?? ''));
        const removed = existing.edges.length - edges.length;
        if (removed === 0) return existing;
        return { ...existing, edges, ...(typeof existing.totalCount === 'number' ? { totalCount: Math.max(0, existing.totalCount - removed) } : {}) };
      },
    },
  });
  const perCommunity = new Map<string, number>();
  for (const id of communityIds) if (id) perCommunity.set(id, (perCommunity.get(id) ?? 0) + 1);
  for (const [communityId, n] of perCommunity) {
    cache.modify<{ pendingCount: number }>({
      id: cache.identify({ __typename: 'CommunityModeration', communityId }),
      fields: { pendingCount: (count) => Math.max(0, count - n) },
    });
  }
}

/** The audit log and the sanctions lists after a decision (they gained entries). */
export function forgetModerationLists(cache: ApolloCache, ...fieldNames: string[]): void {
  for (const fieldName of fieldNames) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

const TYPENAME = { FORUM_THREAD: 'Thread', FORUM_REPLY: 'Reply', BLOG_POST: 'BlogPost', BLOG_COMMENT: 'BlogComment', KNOWLEDGE_FEEDBACK: 'KnowledgeArticleFeedback' } as const;

/**
 * The reviewed post, where the cache holds it, takes its new state (approved: visible,
 * rejected: rejected), and the lists that count it are fetched again when next shown.
 */
export function syncContentState(cache: ApolloCache, item: { contentKind: keyof typeof TYPENAME; contentId: string; contentState: string }): void {
  cache.modify({
    id: cache.identify({ __typename: TYPENAME[item.contentKind], id: item.contentId }),
    fields: { moderationState: () => item.contentState },
  });
  for (const fieldName of ['threads', 'blogPosts', 'feed']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
