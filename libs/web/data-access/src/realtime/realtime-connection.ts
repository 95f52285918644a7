import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { endsSession, isReconnect, nextRealtimeStatus, reconnectDelayMs, type RealtimeEvent, type RealtimeStatus } from './realtime-status';

export interface RealtimeConnectionOptions {
  /** ws(s)://host/graphql (see realtimeUrl). */
  url: string;
  /** graphql-ws's createClient; tests pass a fake. */
  createClient?: (options: ClientOptions) => Client;
  /** Where the browser announces it is back online (window): a waiting reconnection starts at once. */
  onlineEvents?: EventTarget;
  random?: () => number;
}

/** How often an idle connection is checked, and how long the server has to answer the check. */
const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 5_000;

function closeCode(event: unknown): number {
  // A network error or a frozen socket has no close frame: count it as abnormal (1006).
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : 1006;
}

function waitBeforeRetry(ms: number, onlineEvents?: EventTarget): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      onlineEvents?.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    onlineEvents?.addEventListener('online', done);
  });
}

type Listener = () => void;

function emitterOf() {
  const listeners = new Set<Listener>();
  return {
    add(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(): void {
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * The app's one GraphQL WebSocket (graphql-ws), opened only while a subscription is live and
 * reopened after a drop with a capped backoff. It tells the screens its status, tells live
 * views when it came back (graphql-ws re-sends each subscription as it was first sent, so a
 * view that resumes from where it was must subscribe again), and tells the app when the server
 * closed it because the session ended.
 */
export class RealtimeConnection {
  /** The terminating link for subscriptions. */
  readonly link: GraphQLWsLink;
  private status: RealtimeStatus = 'idle';
  private live = 0;
  private pongTimeout: ReturnType<typeof setTimeout> | undefined;
  private readonly statusChanged = emitterOf();
  private readonly reconnected = emitterOf();
  private readonly sessionEnded = emitterOf();
  private readonly client: Client;

  constructor(options: RealtimeConnectionOptions) {
    const create = options.createClient ?? createClient;
    const random = options.random ?? Math.random;
    this.client = create({
      url: options.url,
      lazy: true,
      retryAttempts: Infinity,
      retryWait: (retries) => waitBeforeRetry(reconnectDelayMs(retries, random), options.onlineEvents),
      // Anything but an ended session is worth another try (a network error is not a close event).
      shouldRetry: (event) => !endsSession(closeCode(event)),
      keepAlive: PING_EVERY_MS,
      on: {
        connecting: () => this.dispatch({ type: 'connecting' }),
        connected: () => this.dispatch({ type: 'connected' }),
        closed: (event) => {
          clearTimeout(this.pongTimeout);
          const code = closeCode(event);
          this.dispatch({ type: 'closed', code, inUse: this.live > 0 });
          if (endsSession(code)) this.sessionEnded.emit();
        },
        // A connection that stopped answering (a laptop asleep, a network switched) sends no close:
        // give it up when a ping gets no answer, so that the retry starts.
        ping: (received) => {
          if (received) return;
          clearTimeout(this.pongTimeout);
          this.pongTimeout = setTimeout(() => this.client.terminate(), PONG_WITHIN_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(this.pongTimeout);
        },
      },
    });
    this.link = new GraphQLWsLink(this.counted(this.client));
  }

  readonly getStatus = (): RealtimeStatus => this.status;

  /** For useSyncExternalStore. */
  readonly subscribeStatus = (listener: Listener): (() => void) => this.statusChanged.add(listener);

  /** Called, synchronously, when the connection is back after a drop, before graphql-ws re-sends anything. */
  onReconnected(listener: Listener): () => void {
    return this.reconnected.add(listener);
  }

  /** Called when the server closed the connection because the session is over (4401, 4403). */
  onSessionEnded(listener: Listener): () => void {
    return this.sessionEnded.add(listener);
  }

  private dispatch(event: RealtimeEvent): void {
    const previous = this.status;
    this.status = nextRealtimeStatus(previous, event);
    if (this.status !== previous) this.statusChanged.emit();
    if (isReconnect(previous, this.status)) this.reconnected.emit();
  }

  /** The client as the link uses it, counting the live subscriptions. */
  private counted(client: Client): Client {
    return {
      ...client,
      subscribe: (payload, sink) => {
        this.live++;
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          this.live--;
          // Checked after the current task: a view that swaps its subscription ends one and starts another.
          queueMicrotask(() => {
            if (this.live === 0) this.dispatch({ type: 'unused' });
          });
        };
        const dispose = client.subscribe(payload, {
          next: sink.next.bind(sink),
          error: (error) => {
            end();
            sink.error(error);
          },
          complete: () => {
            end();
            sink.complete();
          },
        });
        return () => {
          end();
          dispose();
        };
      },
    };
  }
}
