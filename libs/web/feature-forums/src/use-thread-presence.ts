import { useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { reconnectDelayMs, ThreadPresenceDocument, useRealtimeConnection, type ThreadPresenceSubscription } from '@commons/web-data-access';
import { useViewerId } from '@commons/web-feature-moderation';
import { afterActivityEnded } from './live-thread';

export type ThreadPresenceView = ThreadPresenceSubscription['presence'];

/**
 * Who is in a thread while its page is open, for a signed-in viewer: the server's latest view
 * (the first at once, then each change), or null before it and after the subscription ended.
 * The viewer counts as a reader meanwhile. After a dropped connection graphql-ws sends the
 * subscription again and the server answers with the current view; when the server ends it (a
 * reader who fell behind, a failure) it is sent again after a pause; a thread that is gone or
 * no longer readable, or an ended session, ends it for good (the thread's activity shows why).
 */
export function useThreadPresence(threadId: string): ThreadPresenceView | null {
  const client = useApolloClient();
  const realtime = useRealtimeConnection();
  const signedIn = useViewerId() !== null;
  const [presence, setPresence] = useState<ThreadPresenceView | null>(null);

  useEffect(() => {
    if (!realtime || !signedIn) return undefined;
    let subscription: { unsubscribe: () => void } | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const subscribe = () => {
      let ended = false;
      const end = (error?: unknown) => {
        if (ended) return;
        ended = true;
        // What was shown is no longer known to be true.
        setPresence(null);
        if (afterActivityEnded(error) === 'resume') retry = setTimeout(subscribe, reconnectDelayMs(failures++));
      };
      subscription = client.subscribe({ query: ThreadPresenceDocument, variables: { threadId }, fetchPolicy: 'no-cache' }).subscribe({
        next: ({ data, error }) => {
          if (error) return end(error);
          if (!data) return;
          failures = 0;
          setPresence(data.presence);
        },
        complete: () => end(),
      });
    };

    subscribe();
    return () => {
      clearTimeout(retry);
      subscription?.unsubscribe();
      setPresence(null);
    };
  }, [client, realtime, signedIn, threadId]);

  return presence;
}
