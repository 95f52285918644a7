import { useEffect, useEffectEvent, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { ModerationQueueActivityDocument, useRealtimeConnection } from '@commons/web-data-access';
import { afterReload, applyQueueChange, NOTHING_LIVE, withoutDecided, type LiveQueue, type QueueOnScreen } from './queue-live';

/**
 * Follows a community's review queue while it is open: items entering wait to be shown, items
 * on screen that another moderator decided are marked. After a dropped connection the queue is
 * loaded again (what changed meanwhile is unknown).
 */
export function useLiveQueue(communityId: string | null, screen: QueueOnScreen, reload: () => Promise<unknown>) {
  const client = useApolloClient();
  const realtime = useRealtimeConnection();
  const [live, setLive] = useState<LiveQueue>(NOTHING_LIVE);
  const onChange = useEffectEvent((change: Parameters<typeof applyQueueChange>[1]) => setLive((current) => applyQueueChange(current, change, screen)));
  const reloadAll = useEffectEvent(async () => {
    await reload();
    setLive(afterReload);
  });

  useEffect(() => {
    if (!realtime || !communityId) return undefined;
    const subscription = client.subscribe({ query: ModerationQueueActivityDocument, variables: { communityId } }).subscribe({
      next: ({ data }) => {
        if (data) onChange(data.moderationQueue);
      },
    });
    const stopResuming = realtime.onReconnected(() => void reloadAll());
    return () => {
      stopResuming();
      subscription.unsubscribe();
    };
  }, [client, realtime, communityId]);

  return {
    live,
    /** Loads the queue again: the waiting items join it. */
    showWaiting: () => reloadAll(),
    /** Items decided elsewhere that left the list. */
    forget: (itemIds: readonly string[]) => setLive((current) => withoutDecided(current, itemIds)),
  };
}
