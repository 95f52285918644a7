import { useEffect, useEffectEvent, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { CommunityActivityDocument, type CommunityActivityKind, type CommunityActivitySubscription } from '../generated/graphql';
import { NewContent } from './new-content';
import { useRealtimeConnection } from './realtime-context';

export type CommunityActivityEvent = CommunityActivitySubscription['communityActivity'];

export interface NewCommunityContent {
  /** New items of the kind that are not on the list. */
  count: number;
  /** The connection dropped and came back since the list was loaded: items may have come meanwhile, unseen. */
  missed: boolean;
  /** The list was loaded again: nothing waits any more. */
  clear: () => void;
}

/**
 * Counts the threads or blog posts that appear in a community while one of its lists is open,
 * without touching the list: the reader asks for them ("3 new threads — show"). What appeared
 * while the connection was down is not replayed to a list: it says it may have missed some,
 * and showing them loads the list again.
 */
export function useNewCommunityContent({
  communityId,
  kind,
  isShown,
  accepts = () => true,
}: {
  communityId: string;
  kind: CommunityActivityKind;
  /** Whether the list shows this content already. */
  isShown: (contentId: string) => boolean;
  /** Whether the list, as filtered, would show it. */
  accepts?: (event: CommunityActivityEvent) => boolean;
}): NewCommunityContent {
  const client = useApolloClient();
  const realtime = useRealtimeConnection();
  const [fresh] = useState(() => new NewContent());
  const [count, setCount] = useState(0);
  const [missed, setMissed] = useState(false);
  const onEvent = useEffectEvent((event: CommunityActivityEvent) => {
    if (event.kind !== kind || !accepts(event)) return;
    if (fresh.add(event, isShown)) setCount(fresh.count);
  });

  useEffect(() => {
    if (!realtime) return undefined;
    const subscription = client.subscribe({ query: CommunityActivityDocument, variables: { communityId } }).subscribe({
      next: ({ data }) => {
        if (data) onEvent(data.communityActivity);
      },
    });
    const stopWatching = realtime.onReconnected(() => setMissed(true));
    return () => {
      stopWatching();
      subscription.unsubscribe();
    };
  }, [client, realtime, communityId]);

  return {
    count,
    missed,
    clear: () => {
      fresh.clear();
      setCount(0);
      setMissed(false);
    },
  };
}
