import type { ApolloCache, Reference } from '@apollo/client';
import { NotificationFieldsFragmentDoc, UnreadNotificationCountDocument, type NotificationFieldsFragment } from '@commons/web-data-access';

/** A notifications list as relayStylePagination keeps it in the cache. */
interface StoredNotifications {
  edges?: ReadonlyArray<{ cursor: string; node: Reference }>;
  pageInfo?: unknown;
}

/** The unread count every place shows (the bell, the page), as the server last said it. */
export function setUnreadCount(cache: ApolloCache, unreadCount: number): void {
  cache.writeQuery({ query: UnreadNotificationCountDocument, data: { unreadNotificationCount: unreadCount } });
}

export function readUnreadCount(cache: ApolloCache): number | null {
  return cache.readQuery({ query: UnreadNotificationCountDocument })?.unreadNotificationCount ?? null;
}

const unreadOnlyList = (storeFieldName: string) => storeFieldName.includes('"unreadOnly":true');

/**
 * A notification that arrived live goes to the top of every loaded list (the lists are newest
 * change first), once: one that gathered someone new moves up instead of showing twice. The
 * unread-only list takes it only while it is unread.
 */
export function addNotification(cache: ApolloCache, notification: NotificationFieldsFragment): void {
  const ref = cache.writeFragment({ fragment: NotificationFieldsFragmentDoc, fragmentName: 'NotificationFields', data: { __typename: 'Notification', ...notification } as NotificationFieldsFragment });
  if (!ref) return;
  cache.modify<{ notifications: StoredNotifications }>({
    id: 'ROOT_QUERY',
    fields: {
      notifications: (existing, { readField, isReference, storeFieldName }) => {
        if (isReference(existing) || !existing?.edges) return existing;
        const others = existing.edges.filter((edge) => readField<string>('id', edge.node) !== notification.id);
        if (unreadOnlyList(storeFieldName) && notification.read) return others.length === existing.edges.length ? existing : { ...existing, edges: others };
        const previous = existing.edges.find((edge) => readField<string>('id', edge.node) === notification.id);
        // A cursor is for paging after the edge; the first page's end cursor stays the same.
        return { ...existing, edges: [{ cursor: previous?.cursor ?? '', node: ref }, ...others] };
      },
    },
  });
}

/** These notifications are read now (the count is the server's answer). */
export function markRead(cache: ApolloCache, ids: readonly string[], unreadCount: number): void {
  for (const id of ids) cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { read: () => true } });
  setUnreadCount(cache, unreadCount);
}

/** Every notification in the cache is read now; unread-only lists keep them until loaded again, so that nothing jumps away. */
export function markAllRead(cache: ApolloCache, unreadCount: number): void {
  const ids = new Set<string>();
  cache.modify<{ notifications: StoredNotifications }>({
    id: 'ROOT_QUERY',
    fields: {
      notifications: (existing, { readField, isReference }) => {
        if (!isReference(existing)) for (const edge of existing?.edges ?? []) ids.add(readField<string>('id', edge.node) ?? '');
        return existing;
      },
    },
  });
  ids.delete('');
  markRead(cache, [...ids], unreadCount);
}
