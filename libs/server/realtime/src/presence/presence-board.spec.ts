import { EventBus, type EventListener, type PublishedEvent, type Signal, type SignalListener } from '../bus/event-bus';
import { PRESENCE_INTERVAL_MS, PresenceBoard, TYPING_MS, type PresenceView } from './presence-board';

/** Instances joined by one in-process bus: what one signals, all hear (after the current turn, as over a network). */
class SharedSignals {
  readonly listeners = new Set<SignalListener>();
  /** Instances whose signals no longer get through (a crashed instance). */
  readonly silenced = new Set<EventBus>();
}

class InProcessBus extends EventBus {
  readonly transport = 'postgres';
  constructor(private readonly shared: SharedSignals) {
    super();
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
  publish(_events: readonly PublishedEvent[]): Promise<void> {
    return Promise.resolve();
  }
  listen(_listener: EventListener): () => void {
    return () => undefined;
  }
  async signal(signal: Signal): Promise<void> {
    if (this.shared.silenced.has(this)) return;
    const copy = JSON.parse(JSON.stringify(signal)) as Signal;
    queueMicrotask(() => {
      for (const listener of this.shared.listeners) listener(copy);
    });
  }
  listenSignals(listener: SignalListener): () => void {
    this.shared.listeners.add(listener);
    return () => this.shared.listeners.delete(listener);
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
}

describe('PresenceBoard', () => {
  let shared: SharedSignals;
  let boards: PresenceBoard[];
  const instance = () => {
    const bus = new InProcessBus(shared);
    const board = new PresenceBoard(bus);
    board.onModuleInit();
    boards.push(board);
    return { bus, board };
  };
  /** Lets signals and the timers due in `ms` run. */
  const pass = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    shared = new SharedSignals();
    boards = [];
  });
  afterEach(() => {
    for (const board of boards) void board.onModuleDestroy();
    jest.useRealTimers();
  });

  it('counts readers across instances, two tabs as one, and asks the others when a room is new here', async () => {
    const a = instance();
    const leave1 = a.board.join('thread:1', 'ada');
    await pass(0);
    // B starts after A told of its reader: without asking, it would wait for A's next heartbeat.
    const b = instance();
    const seen: PresenceView[] = [];
    b.board.watch('thread:1', (view) => seen.push(view));
    b.board.join('thread:1', 'ben');
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:1')).toEqual({ readers: 2, typing: [] });
    expect(seen[seen.length - 1]).toEqual({ readers: 2, typing: [] });
    // A second tab of Ada's: still two readers; both closed: one.
    const leave2 = a.board.join('thread:1', 'ada');
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:1').readers).toBe(2);
    leave1();
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:1').readers).toBe(2);
    leave2();
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:1').readers).toBe(1);
  });

  it('tells watchers of a burst of changes at most once an interval, the last state included', async () => {
    const { board } = instance();
    const seen: PresenceView[] = [];
    board.watch('thread:2', (view) => seen.push(view));
    expect(seen).toEqual([{ readers: 0, typing: [] }]);
    for (let i = 0; i < 50; i++) board.join('thread:2', `reader-${i}`);
    await pass(0);
    await pass(PRESENCE_INTERVAL_MS);
    // The first change at once, the other 49 together at the end of the interval.
    expect(seen.map((v) => v.readers)).toEqual([0, 1, 50]);
    await pass(5 * PRESENCE_INTERVAL_MS);
    expect(seen).toHaveLength(3);
  });

  it('stops showing a typist whose reports stopped, and one who stopped reading', async () => {
    const a = instance();
    const b = instance();
    const seen: PresenceView[] = [];
    b.board.watch('thread:3', (view) => seen.push(view));
    const leave = a.board.join('thread:3', 'ada');
    a.board.setTyping('thread:3', 'ada', true);
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:3').typing).toEqual(['ada']);
    await pass(TYPING_MS + PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:3')).toEqual({ readers: 1, typing: [] });
    expect(seen[seen.length - 1]).toEqual({ readers: 1, typing: [] });

    a.board.setTyping('thread:3', 'ada', true);
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:3').typing).toEqual(['ada']);
    leave();
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:3')).toEqual({ readers: 0, typing: [] });
  });

  it('forgets an instance gone quiet (crashed) after its expiry, and keeps one that repeats itself', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    a.board.join('thread:4', 'ada');
    c.board.join('thread:4', 'cem');
    b.board.watch('thread:4', () => undefined);
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:4').readers).toBe(2);
    // A stops being heard without saying goodbye; C goes on with its heartbeats.
    shared.silenced.add((a.board as unknown as { bus: EventBus }).bus);
    await pass(25_000);
    expect(b.board.viewOf('thread:4').readers).toBe(2);
    await pass(20_000);
    expect(b.board.viewOf('thread:4').readers).toBe(1);
  });

  it('stops showing a typist everywhere at once, whichever instance their stop reached', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    c.board.watch('thread:6', () => undefined);
    c.board.join('thread:6', 'cem');
    a.board.setTyping('thread:6', 'ada', true);
    await pass(PRESENCE_INTERVAL_MS);
    expect(c.board.viewOf('thread:6').typing).toEqual(['ada']);
    // Her stop went to B, which never heard her typing.
    b.board.setTyping('thread:6', 'ada', false);
    await pass(0);
    expect(c.board.viewOf('thread:6').typing).toEqual([]);
    // And A does not bring her back with its next word (well within her 6 s).
    a.board.join('thread:6', 'ann');
    await pass(PRESENCE_INTERVAL_MS);
    expect(c.board.viewOf('thread:6')).toEqual({ readers: 2, typing: [] });
  });

  it('drops the parts of an instance that says goodbye at once, and ignores a part older than one it already has', async () => {
    const a = instance();
    const b = instance();
    b.board.watch('thread:7', () => undefined);
    b.board.join('thread:7', 'ben');
    a.board.join('thread:7', 'ada');
    await pass(PRESENCE_INTERVAL_MS);
    expect(b.board.viewOf('thread:7').readers).toBe(2);
    await a.board.onModuleDestroy();
    await pass(0);
    expect(b.board.viewOf('thread:7').readers).toBe(1);

    // Another instance's parts arriving out of order (NOTIFYs sent on different connections).
    const say = (n: number, readers: number) => {
      for (const listener of shared.listeners) listener({ kind: 'presence', instance: 'elsewhere', n, room: 'thread:7', readers, typing: [] });
    };
    say(2, 0);
    say(1, 5);
    expect(b.board.viewOf('thread:7').readers).toBe(1);
    say(3, 4);
    expect(b.board.viewOf('thread:7').readers).toBe(5);
  });

  it('keeps no room it does not serve: the others’ rooms are not its memory', async () => {
    const a = instance();
    const b = instance();
    for (let i = 0; i < 20; i++) a.board.join(`thread:many-${i}`, 'ada');
    await pass(PRESENCE_INTERVAL_MS);
    expect(a.board.size).toBe(20);
    expect(b.board.size).toBe(0);
  });

  it('drops a room nobody reads, types in or watches', async () => {
    const { board } = instance();
    const leave = board.join('thread:5', 'ada');
    const unwatch = board.watch('thread:5', () => undefined);
    expect(board.size).toBe(1);
    leave();
    unwatch();
    await pass(2 * PRESENCE_INTERVAL_MS);
    await pass(10_000);
    expect(board.size).toBe(0);
  });
});
