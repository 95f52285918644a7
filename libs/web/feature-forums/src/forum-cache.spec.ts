import { gql, InMemoryCache } from '@apollo/client';
import { ForumRepliesDocument, type ForumRepliesQuery, type ReplyFieldsFragment } from '@commons/web-data-access';
import { addReply } from './forum-cache';

const THREAD = 't1';
const COUNT = gql`
  fragment Count on Thread {
    replyCount
  }
`;

const reply = (id: string, minute: number, moderationState: ReplyFieldsFragment['moderationState'] = 'VISIBLE'): ReplyFieldsFragment & { __typename: 'Reply' } => ({
  __typename: 'Reply',
  id,
  threadId: THREAD,
  body: id,
  bodyHtml: `<p>${id}</p>`,
  deleted: false,
  moderationState,
  createdAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  editedAt: null,
  version: 1,
  author: null,
  replyTo: null,
  reactions: [],
  viewerCan: { edit: false, delete: false },
});

/** A cache holding a thread that counts `replyCount` replies, with the given replies loaded. */
function cacheWith(loaded: ReturnType<typeof reply>[], { hasNextPage = false, replyCount = loaded.length } = {}) {
  const cache = new InMemoryCache();
  const data = {
    thread: {
      __typename: 'Thread',
      id: THREAD,
      replies: {
        __typename: 'ReplyConnection',
        edges: loaded.map((node) => ({ __typename: 'ReplyEdge', node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'c20' : null },
      },
    },
  } as ForumRepliesQuery;
  cache.writeQuery({ query: ForumRepliesDocument, variables: { threadId: THREAD }, data });
  cache.writeFragment({ id: `Thread:${THREAD}`, fragment: COUNT, data: { __typename: 'Thread', replyCount } });
  return cache;
}

const shownIds = (cache: InMemoryCache) => cache.readQuery({ query: ForumRepliesDocument, variables: { threadId: THREAD } })?.thread.replies.edges.map((e) => e.node.id);
const replyCount = (cache: InMemoryCache) => cache.readFragment<{ replyCount: number }>({ id: `Thread:${THREAD}`, fragment: COUNT })?.replyCount;

describe('addReply', () => {
  it('shows a reply once and counts it once when both its mutation and the thread’s live activity report it', () => {
    const cache = cacheWith([reply('r1', 0)]);
    expect(addReply(cache, THREAD, reply('r2', 5))).toBe('shown');
    expect(addReply(cache, THREAD, reply('r2', 5))).toBe('already-shown');
    expect(shownIds(cache)).toEqual(['r1', 'r2']);
    expect(replyCount(cache)).toBe(2);
  });

  it('leaves a reply beyond the loaded pages to "Load more", counting it once all the same', () => {
    const cache = cacheWith([reply('r1', 0)], { hasNextPage: true, replyCount: 30 });
    expect(addReply(cache, THREAD, reply('r31', 40))).toBe('not-loaded');
    expect(addReply(cache, THREAD, reply('r31', 40))).toBe('not-loaded');
    expect(shownIds(cache)).toEqual(['r1']);
    expect(replyCount(cache)).toBe(31);
  });

  it('does not count a reply that came with the replies already (and with the thread’s count)', () => {
    const cache = cacheWith([reply('r1', 0), reply('r2', 5)]);
    expect(addReply(cache, THREAD, reply('r2', 5))).toBe('already-shown');
    expect(shownIds(cache)).toEqual(['r1', 'r2']);
    expect(replyCount(cache)).toBe(2);
  });

  it('shows the author’s held reply without counting it', () => {
    const cache = cacheWith([reply('r1', 0)]);
    expect(addReply(cache, THREAD, reply('r2', 5, 'HELD'))).toBe('shown');
    expect(shownIds(cache)).toEqual(['r1', 'r2']);
    expect(replyCount(cache)).toBe(1);
  });
});
