import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { NotificationsChangedDocument, useRealtimeConnection } from '@commons/web-data-access';
import { addNotification, setUnreadCount } from './notification-cache';

/**
 * Keeps the unread count and the loaded lists current while the person is signed in: each
 * change brings the count, and the notification that arrived or gathered someone new. After a
 * dropped connection it subscribes again: the first answer is the count as it is now.
 */
export function useLiveNotifications(): void {
  const client = useApolloClient();
  const realtime = useRealtimeConnection();
  useEffect(() => {
    if (!realtime) return undefined;
    let subscription: { unsubscribe: () => void } | undefined;
    const subscribe = () => {
      subscription?.unsubscribe();
      subscription = client.subscribe({ query: NotificationsChangedDocument }).subscribe({
        next: ({ data }) => {
          if (!data) return;
          const { unreadCount, notification } = data.notificationsChanged;
          if (notification) addNotification(client.cache, notification);
          setUnreadCount(client.cache, unreadCount);
        },
      });
    };
    subscribe();
    const stopResuming = realtime.onReconnected(subscribe);
    return () => {
      stopResuming();
      subscription?.unsubscribe();
    };
  }, [client, realtime]);
}
