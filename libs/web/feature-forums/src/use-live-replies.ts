import { useEffect, useEffectEvent, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { reconnectDelayMs, ThreadActivityDocument, useRealtimeConnection, type ReplyFieldsFragment } from '@commons/web-data-access';
import { useViewerId } from '@commons/web-feature-moderation';
import { addReply } from './forum-cache';
import { afterActivityEnded, coalesced, liveThreadAction, SeenSequences, type ThreadActivityEvent } from './live-thread';

export interface LiveReplies {
  /** Replies of others that arrived while the page was open: marked new. */
  fresh: ReadonlySet<string>;
  /** The latest of them that joined the replies on screen, for a polite announcement. */
  latestShown: ReplyFieldsFragment | null;
}

/**
 * Follows a thread's activity while its page is open: new replies join the cache's replies
 * (once), changed ones are updated by their id, and the thread (or everything) is loaded again
 * when the server says so. After a dropped connection, or when the server ends the subscription
 * for a reader who fell behind, it subscribes again from the last event seen, and the server
 * sends what was missed first.
 */
export function useLiveReplies({
  threadId,
  reloadThread,
  reloadEverything,
}: {
  threadId: string;
  reloadThread: () => Promise<unknown>;
  /** The thread and its replies: what changed is unknown. */
  reloadEverything: () => Promise<unknown>;
}): LiveReplies {
  const client = useApolloClient();
  const realtime = useRealtimeConnection();
  const viewerId = useViewerId();
  const [live, setLive] = useState<LiveReplies>({ fresh: new Set(), latestShown: null });

  const addNewReply = useEffectEvent((reply: ReplyFieldsFragment, fromOthers: boolean) => {
    const placement = addReply(client.cache, threadId, reply);
    if (!fromOthers || placement === 'already-shown') return;
    setLive((current) => ({
      fresh: new Set(current.fresh).add(reply.id),
      latestShown: placement === 'shown' ? reply : current.latestShown,
    }));
  });
  const viewer = useEffectEvent(() => viewerId);
  const loadThread = useEffectEvent(() => reloadThread());
  const loadEverything = useEffectEvent(() => reloadEverything());

  useEffect(() => {
    if (!realtime) return undefined;
    const seen = new SeenSequences();
    // Each change of the thread asks for it again: one request at a time, however many come.
    const threadChanged = coalesced(() => loadThread());
    const everythingChanged = coalesced(() => loadEverything());
    let subscription: { unsubscribe: () => void } | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const apply = (event: ThreadActivityEvent) => {
      const action = liveThreadAction(event, seen, viewer());
      if (action.type === 'add-reply') addNewReply(action.reply, action.fromOthers);
      else if (action.type === 'reload-thread') threadChanged();
      else if (action.type === 'reload-all') everythingChanged();
    };

    // Subscribes from the last event seen. On a reconnection this runs inside the connection's
    // "connected" event: the old subscription ends before graphql-ws re-sends it with the
    // `since` it was first sent with.
    const subscribe = () => {
      clearTimeout(retry);
      subscription?.unsubscribe();
      let ended = false;
      const end = (error?: unknown) => {
        if (ended) return;
        ended = true;
        const next = afterActivityEnded(error);
        if (next === 'show-thread') threadChanged();
        else if (next === 'resume') retry = setTimeout(resume, reconnectDelayMs(failures++));
      };
      subscription = client.subscribe({ query: ThreadActivityDocument, variables: { threadId, since: seen.last } }).subscribe({
        next: ({ data, error }) => {
          if (error) return end(error);
          if (!data) return;
          failures = 0;
          apply(data.threadActivity);
        },
        complete: () => end(),
      });
    };
    const resume = () => {
      const resumable = seen.last !== null;
      subscribe();
      // Nothing seen yet, so nothing to resume from: what happened meanwhile is unknown.
      if (!resumable) everythingChanged();
    };

    subscribe();
    const stopResuming = realtime.onReconnected(resume);
    return () => {
      stopResuming();
      clearTimeout(retry);
      subscription?.unsubscribe();
    };
  }, [client, realtime, threadId]);

  return live;
}
