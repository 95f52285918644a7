import type { ApolloCache } from '@apollo/client';
import { ForumRepliesDocument, type ReplyFieldsFragment } from '@commons/web-data-access';
import { placeReply, type ReplyPlacement } from './live-thread';

/** Every thread list (each filter is its own): a thread was created, answered, moved up or changed. */
export function forgetThreadLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'threads' });
  cache.gc();
}

/** A community's categories: a thread may have created "General", or a manager added one. */
export function forgetCategories(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'forumCategories' });
  cache.gc();
}

/**
 * Replies each cache has counted in their thread. A new reply is reported twice to the page
 * that posted it (by its mutation and by the thread's live activity) and must count once.
 */
const countedReplies = new WeakMap<ApolloCache, Set<string>>();

function countOnce(cache: ApolloCache, replyId: string): boolean {
  const counted = countedReplies.get(cache) ?? new Set<string>();
  countedReplies.set(cache, counted);
  if (counted.has(replyId)) return false;
  counted.add(replyId);
  return true;
}

/**
 * A reply that appeared (posted here, or by someone else while the thread is open): it joins
 * the replies on screen at its place, usually the end, unless it belongs after pages not loaded
 * yet (it arrives with "Load more" then); never twice. The thread counts it once.
 */
export function addReply(cache: ApolloCache, threadId: string, reply: ReplyFieldsFragment): ReplyPlacement {
  let placement = 'not-loaded' as ReplyPlacement;
  cache.updateQuery({ query: ForumRepliesDocument, variables: { threadId } }, (data) => {
    if (!data) return undefined;
    const edge = { __typename: 'ReplyEdge', node: reply } as (typeof data.thread.replies.edges)[number];
    const placed = placeReply(data.thread.replies.edges, data.thread.replies.pageInfo.hasNextPage, edge);
    placement = placed.placement;
    if (placed.placement !== 'shown') return undefined;
    return { ...data, thread: { ...data.thread, replies: { ...data.thread.replies, edges: [...placed.edges] } } };
  });
  // A held reply counts in its thread once a moderator approves it; one already on screen came
  // with the replies (and the thread's count) or was counted when it was added.
  if (reply.moderationState === 'VISIBLE' && placement !== 'already-shown' && countOnce(cache, reply.id)) {
    cache.modify({
      id: cache.identify({ __typename: 'Thread', id: threadId }),
      fields: { replyCount: (n: number) => n + 1 },
    });
  }
  forgetThreadLists(cache);
  return placement;
}

/** A deleted reply stops being the accepted answer (the server has done the same). */
export function unacceptReply(cache: ApolloCache, threadId: string, replyId: string): void {
  cache.modify({
    id: cache.identify({ __typename: 'Thread', id: threadId }),
    fields: { acceptedReplyId: (current: string | null) => (current === replyId ? null : current) },
  });
}

export function setFollowing(cache: ApolloCache, threadId: string, following: boolean): void {
  cache.modify({
    id: cache.identify({ __typename: 'Thread', id: threadId }),
    fields: { viewerFollows: () => following },
  });
}
