import { createApolloClient, NotificationsDocument, type NotificationFieldsFragment } from '@commons/web-data-access';
import { addNotification, markAllRead, markRead, readUnreadCount, setUnreadCount } from './notification-cache';

const notification = (id: string, changes: Partial<NotificationFieldsFragment> = {}): NotificationFieldsFragment =>
  ({
    __typename: 'Notification',
    id,
    kind: 'THREAD_REPLY',
    read: false,
    createdAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
    summary: `Grace Hopper replied to your thread (${id})`,
    actorCount: 1,
    actors: [{ __typename: 'NotificationActor', id: 'g', displayName: 'Grace Hopper' }],
    target: {
      __typename: 'NotificationTarget',
      kind: 'REPLY',
      id: `r-${id}`,
      path: '/communities/guild/forum/threads/t1#reply-r',
      title: 'On-call rota',
      threadId: 't1',
      replyId: `r-${id}`,
      blogPostId: null,
      blogPostSlug: null,
      commentId: null,
      message: null,
      status: null,
      communitySlug: 'guild',
    },
    ...changes,
  }) as NotificationFieldsFragment;

function withLists(...loaded: NotificationFieldsFragment[]) {
  const { cache } = createApolloClient();
  for (const unreadOnly of [false, true]) {
    cache.writeQuery({
      query: NotificationsDocument,
      variables: { unreadOnly },
      data: {
        notifications: {
          __typename: 'NotificationConnection',
          edges: loaded.filter((n) => !unreadOnly || !n.read).map((node) => ({ __typename: 'NotificationEdge', cursor: `c-${node.id}`, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'end' },
        },
      } as never,
    });
  }
  const ids = (unreadOnly: boolean) => cache.readQuery({ query: NotificationsDocument, variables: { unreadOnly } })?.notifications.edges.map((e) => e.node.id);
  const read = (id: string) => cache.readFragment<{ read: boolean }>({ id: cache.identify({ __typename: 'Notification', id }), fragment: readFragment })?.read;
  return { cache, ids, read };
}

import { gql } from '@apollo/client';
const readFragment = gql`
  fragment ReadState on Notification {
    read
  }
`;

describe('the notifications in the cache', () => {
  it('puts a new notification at the top of every list, once', () => {
    const { cache, ids } = withLists(notification('a'), notification('b', { read: true }));
    addNotification(cache, notification('c'));
    addNotification(cache, notification('c'));
    expect(ids(false)).toEqual(['c', 'a', 'b']);
    expect(ids(true)).toEqual(['c', 'a']);
  });

  it('moves a notification that gathered someone new to the top instead of showing it twice', () => {
    const { cache, ids } = withLists(notification('a'), notification('b'));
    addNotification(cache, notification('b', { actorCount: 2, summary: 'Grace Hopper and Ada Lovelace reacted to your thread' }));
    expect(ids(false)).toEqual(['b', 'a']);
    const first = cache.readQuery({ query: NotificationsDocument, variables: { unreadOnly: false } })?.notifications.edges[0];
    expect(first?.node.actorCount).toBe(2);
  });

  it('keeps the unread count every place reads, and marks notifications read', () => {
    const { cache, read } = withLists(notification('a'), notification('b'));
    setUnreadCount(cache, 2);
    expect(readUnreadCount(cache)).toBe(2);
    markRead(cache, ['a'], 1);
    expect(read('a')).toBe(true);
    expect(read('b')).toBe(false);
    expect(readUnreadCount(cache)).toBe(1);
    markAllRead(cache, 0);
    expect(read('b')).toBe(true);
    expect(readUnreadCount(cache)).toBe(0);
  });
});
