import type { ApolloCache, Reference } from '@apollo/client';
import type { BlogCommentFieldsFragment } from '@commons/web-data-access';

/**
 * Forgets the post lists a change made stale (a post created, published, scheduled or taken
 * down), so the screens showing them fetch them again: community blogs, the feed, the drafts.
 */
export function forgetPostLists(cache: ApolloCache): void {
  for (const fieldName of ['blogPosts', 'feed', 'myBlogDrafts']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

/** A paged list as relayStylePagination keeps it in the cache. */
interface StoredConnection {
  edges?: ReadonlyArray<{ __typename?: string; cursor: string; node: Reference }>;
  pageInfo?: { hasNextPage?: boolean };
}

/**
 * Adds a new comment (already in the cache from the mutation's answer) at the end of its post's
 * comments, which are in time order. When more pages are still to load, the comment arrives with
 * the last of them instead, in its place.
 */
export function appendComment(cache: ApolloCache, postId: string, comment: BlogCommentFieldsFragment): void {
  const id = cache.identify({ __typename: 'BlogComment', id: comment.id });
  cache.modify<{ comments: StoredConnection; commentCount: number }>({
    id: cache.identify({ __typename: 'BlogPost', id: postId }),
    fields: {
      comments: (existing, { isReference, toReference }) => {
        if (isReference(existing) || !existing.edges || existing.pageInfo?.hasNextPage || !id) return existing;
        const node = toReference(id);
        if (!node || existing.edges.some((e) => e.node.__ref === node.__ref)) return existing;
        return { ...existing, edges: [...existing.edges, { __typename: 'BlogCommentEdge', cursor: '', node }] };
      },
      // A held comment counts once a moderator approves it.
      commentCount: (n) => (comment.moderationState === 'VISIBLE' ? n + 1 : n),
    },
  });
}
