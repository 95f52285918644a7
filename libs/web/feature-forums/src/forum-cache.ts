import type { ApolloCache } from '@apollo/client';
import { ForumRepliesDocument, type ReplyFieldsFragment } from '@commons/web-data-access';

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
 * A new reply: it is the thread's latest, so it joins the end of the replies on screen when
 * every page is loaded (otherwise it arrives with "Load more"); the thread counts it.
 */
export function addReply(cache: ApolloCache, threadId: string, reply: ReplyFieldsFragment): void {
  cache.updateQuery({ query: ForumRepliesDocument, variables: { threadId } }, (data) => {
    if (!data || data.thread.replies.pageInfo.hasNextPage) return undefined;
    if (data.thread.replies.edges.some((e) => e.node.id === reply.id)) return undefined;
    const edge = { __typename: 'ReplyEdge', node: reply } as (typeof data.thread.replies.edges)[number];
    return { ...data, thread: { ...data.thread, replies: { ...data.thread.replies, edges: [...data.thread.replies.edges, edge] } } };
  });
  // A held reply counts in its thread once a moderator approves it.
  if (reply.moderationState === 'VISIBLE') {
    cache.modify({
      id: cache.identify({ __typename: 'Thread', id: threadId }),
      fields: { replyCount: (n: number) => n + 1 },
    });
  }
  forgetThreadLists(cache);
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
