import type { Client, ClientOptions, Sink } from 'graphql-ws';
import { RealtimeConnection } from './realtime-connection';
import type { RealtimeStatus } from './realtime-status';

/** graphql-ws as the connection drives it: its options, the subscriptions open on it, and terminate. */
function fakeGraphqlWs() {
  const fake = {
    options: undefined as unknown as ClientOptions,
    open: new Set<Sink>(),
    terminated: 0,
    create: (options: ClientOptions): Client => {
      fake.options = options;
      return {
        on: () => () => undefined,
        subscribe: (_payload, sink) => {
          fake.open.add(sink as Sink);
          return () => fake.open.delete(sink as Sink);
        },
        iterate: () => {
          throw new Error('not used');
        },
        dispose: () => undefined,
        terminate: () => {
          fake.terminated++;
        },
      };
    },
  };
  return fake;
}

const on = (fake: ReturnType<typeof fakeGraphqlWs>) => fake.options.on as Required<NonNullable<ClientOptions['on']>>;
const closeEvent = (code: number) => ({ code, reason: '', wasClean: code !== 1006 });
const noop = { next: () => undefined, error: () => undefined, complete: () => undefined };

function setUp() {
  const fake = fakeGraphqlWs();
  const connection = new RealtimeConnection({ url: 'ws://commons.test/graphql', createClient: fake.create, random: () => 1 });
  const statuses: RealtimeStatus[] = [];
  connection.subscribeStatus(() => statuses.push(connection.getStatus()));
  // What the link does for each subscription.
  const subscribe = () => connection.link.client.subscribe({ query: 'subscription { x }' }, noop);
  return { fake, connection, statuses, subscribe };
}

describe('RealtimeConnection', () => {
  it('asks graphql-ws for a lazy connection that retries without end, at the page’s address', () => {
    const { fake } = setUp();
    expect(fake.options).toMatchObject({ url: 'ws://commons.test/graphql', lazy: true, retryAttempts: Infinity });
  });

  it('reports connecting, connected, and reconnecting after a drop, and tells live views when it is back', () => {
    const { fake, connection, statuses, subscribe } = setUp();
    const reconnected = jest.fn();
    connection.onReconnected(reconnected);
    subscribe();
    on(fake).connecting(false);
    on(fake).connected({}, undefined, false);
    expect(reconnected).not.toHaveBeenCalled();
    on(fake).closed(closeEvent(1006));
    on(fake).connecting(true);
    on(fake).closed(closeEvent(1006));
    on(fake).connecting(true);
    on(fake).connected({}, undefined, true);
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('retries anything but an ended session', () => {
    const { fake } = setUp();
    const shouldRetry = fake.options.shouldRetry as (event: unknown) => boolean;
    expect(shouldRetry(closeEvent(1006))).toBe(true);
    expect(shouldRetry(closeEvent(1001))).toBe(true);
    expect(shouldRetry(new Event('error'))).toBe(true);
    expect(shouldRetry(closeEvent(4401))).toBe(false);
    expect(shouldRetry(closeEvent(4403))).toBe(false);
  });

  it('tells the app when the server ended the session, and stops showing an outage', () => {
    const { fake, connection, subscribe } = setUp();
    const ended = jest.fn();
    connection.onSessionEnded(ended);
    subscribe();
    on(fake).connecting(false);
    on(fake).connected({}, undefined, false);
    on(fake).closed(closeEvent(1006));
    expect(ended).not.toHaveBeenCalled();
    on(fake).connected({}, undefined, true);
    on(fake).closed(closeEvent(4403));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(connection.getStatus()).toBe('idle');
  });

  it('is idle once no subscription is left, but not while a view swaps one subscription for another', async () => {
    const { fake, connection, subscribe } = setUp();
    const first = subscribe();
    on(fake).connecting(false);
    on(fake).connected({}, undefined, false);
    first();
    const second = subscribe();
    await Promise.resolve();
    expect(connection.getStatus()).toBe('connected');
    expect(fake.open.size).toBe(1);
    second();
    await Promise.resolve();
    expect(connection.getStatus()).toBe('idle');
  });

  it('gives up a connection whose ping goes unanswered, so that it reconnects', () => {
    jest.useFakeTimers();
    try {
      const { fake } = setUp();
      on(fake).ping(false, undefined);
      jest.advanceTimersByTime(4_000);
      on(fake).pong(true, undefined);
      jest.advanceTimersByTime(10_000);
      expect(fake.terminated).toBe(0);
      on(fake).ping(false, undefined);
      jest.advanceTimersByTime(5_000);
      expect(fake.terminated).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits before each retry, but no longer once the browser is back online', async () => {
    jest.useFakeTimers();
    try {
      const onlineEvents = new EventTarget();
      const fake = fakeGraphqlWs();
      new RealtimeConnection({ url: 'ws://commons.test/graphql', createClient: fake.create, onlineEvents, random: () => 1 });
      const retryWait = fake.options.retryWait as (retries: number) => Promise<void>;

      let waited = false;
      void retryWait(0).then(() => (waited = true));
      await jest.advanceTimersByTimeAsync(999);
      expect(waited).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(waited).toBe(true);

      waited = false;
      void retryWait(5).then(() => (waited = true));
      await jest.advanceTimersByTimeAsync(1_000);
      expect(waited).toBe(false);
      onlineEvents.dispatchEvent(new Event('online'));
      await Promise.resolve();
      expect(waited).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
