import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus, type Signal } from '../bus/event-bus';

/** How long someone shows as typing after their last report (clients report every few seconds while they type). */
export const TYPING_MS = 6_000;
/** A room's watchers hear of changes at most this often; instances tell each other at most this often per room. */
export const PRESENCE_INTERVAL_MS = 1_000;
/** Instances repeat their rooms this often, so a restarted instance's view and a lost signal heal. */
const HEARTBEAT_MS = 10_000;
/** An instance not heard of for this long is gone (it stopped or crashed): its readers no longer count. */
const INSTANCE_EXPIRY_MS = 3 * HEARTBEAT_MS;
/** People shown typing in one room, at most: the signal must fit the bus. */
const MAX_TYPING = 20;

/** Who is in a room, across instances: how many read it, and who is typing (account ids). */
export interface PresenceView {
  readers: number;
  typing: readonly string[];
}

export type PresenceListener = (view: PresenceView) => void;

/** A view as one string: two views with the same key tell readers the same. */
export function viewKey(view: PresenceView): string {
  return `${view.readers}|${view.typing.join(',')}`;
}

/** One instance's part of a room, as it tells the others. */
interface PresenceSignal extends Signal {
  kind: 'presence';
  instance: string;
  /** Increasing per instance: PostgreSQL may deliver NOTIFYs sent on different connections out of order. */
  n: number;
  room: string;
  readers: number;
  typing: string[];
}

/** A newcomer's request: instances with someone in the room tell it at once, not at their next heartbeat. */
interface AskSignal extends Signal {
  kind: 'presence.ask';
  instance: string;
  room: string;
}

/**
 * Someone stopped typing (posted, emptied the reply, left): every instance forgets it at once,
 * since their reports may have reached another instance than this one.
 */
interface StoppedSignal extends Signal {
  kind: 'presence.stopped';
  instance: string;
  room: string;
  account: string;
}

/** An instance shutting down: its parts stop counting at once, not when they expire. */
interface GoneSignal extends Signal {
  kind: 'presence.gone';
  instance: string;
}

type PresenceSignals = PresenceSignal | AskSignal | StoppedSignal | GoneSignal;

interface Room {
  /** This instance's readers: account → open subscriptions (tabs). */
  readers: Map<string, number>;
  /** This instance's typists: account → typing until (ms). */
  typing: Map<string, number>;
  /** Other instances' parts (an empty one kept for its `n` until it expires), with when each stops counting unless repeated. */
  remote: Map<string, { n: number; readers: number; typing: string[]; expiresAt: number }>;
  watchers: Set<PresenceListener>;
  told: Throttle;
  notified: Throttle;
  typingExpiry: NodeJS.Timeout | null;
  /** What the watchers last heard, to tell them only of changes. */
  lastView: string;
}

/**
 * Who is reading or typing where (a thread), across API instances. Presence is ephemeral: each
 * instance keeps its own readers and typists per room and tells the others its part over the
 * event bus's signals, at most once a second per room and again every heartbeat; an instance
 * not heard of for a while no longer counts. Readers are counted per account on each instance
 * (two tabs are one reader; the same person on two instances counts on both).
 */
@Injectable()
export class PresenceBoard implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PresenceBoard');
  private readonly instance = randomUUID();
  private readonly rooms = new Map<string, Room>();
  /** Numbers this instance's parts (see PresenceSignal.n). */
  private told = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.stopListening = this.bus.listenSignals((signal) => this.heard(signal));
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const room of this.rooms.values()) this.dispose(room);
    const served = this.rooms.size > 0;
    this.rooms.clear();
    // The bus stops after the modules (RealtimeModule's shutdown): the goodbye still goes out.
    if (served) await this.bus.signal({ kind: 'presence.gone', instance: this.instance } satisfies GoneSignal).catch((error: unknown) => this.logger.warn({ err: error }, 'Saying goodbye to the other instances failed'));
  }

  /** Rooms known on this instance (tests, /metrics). */
  get size(): number {
    return this.rooms.size;
  }

  /** Counts the account as reading the room until the returned function is called. */
  join(key: string, accountId: string): () => void {
    const room = this.roomOf(key);
    room.readers.set(accountId, (room.readers.get(accountId) ?? 0) + 1);
    this.changed(key, room);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const current = this.rooms.get(key);
      if (current !== room) return;
      const open = (room.readers.get(accountId) ?? 1) - 1;
      if (open > 0) room.readers.set(accountId, open);
      else {
        room.readers.delete(accountId);
        // Whoever stops reading stops typing there too, wherever they reported it.
        if (this.view(room).typing.includes(accountId)) this.setTyping(key, accountId, false);
      }
      this.changed(key, room);
    };
  }

  /**
   * The account is typing in the room (for TYPING_MS unless repeated), or has stopped: that
   * reaches every instance at once, whichever one their reports went to.
   */
  setTyping(key: string, accountId: string, typing: boolean): void {
    if (!typing) {
      this.send({ kind: 'presence.stopped', instance: this.instance, room: key, account: accountId });
      this.stoppedTyping(key, accountId);
      return;
    }
    const room = this.roomOf(key);
    room.typing.set(accountId, Date.now() + TYPING_MS);
    this.scheduleTypingExpiry(key, room);
    this.changed(key, room);
  }

  private stoppedTyping(key: string, accountId: string): void {
    const room = this.rooms.get(key);
    if (!room) return;
    let changed = false;
    if (room.typing.delete(accountId)) {
      this.scheduleTypingExpiry(key, room);
      room.told.run();
      changed = true;
    }
    for (const part of room.remote.values()) {
      const i = part.typing.indexOf(accountId);
      if (i < 0) continue;
      part.typing.splice(i, 1);
      changed = true;
    }
    if (changed) room.notified.run();
  }

  /**
   * Calls the listener with the room's view now, then whenever it changes (at most once per
   * PRESENCE_INTERVAL_MS). Returns the function that stops it.
   */
  watch(key: string, listener: PresenceListener): () => void {
    const known = this.rooms.has(key);
    const room = this.roomOf(key);
    room.watchers.add(listener);
    // Someone elsewhere may already be here: ask rather than wait for their heartbeat.
    if (!known) this.send({ kind: 'presence.ask', instance: this.instance, room: key });
    listener(this.view(room));
    return () => {
      room.watchers.delete(listener);
      this.forgetIfEmpty(key, room);
    };
  }

  /** The room's view across instances. */
  viewOf(key: string): PresenceView {
    const room = this.rooms.get(key);
    return room ? this.view(room) : { readers: 0, typing: [] };
  }

  private view(room: Room): PresenceView {
    const now = Date.now();
    let readers = room.readers.size;
    const typing = new Set(typingHere(room, now));
    for (const part of room.remote.values()) {
      if (part.expiresAt <= now) continue;
      readers += part.readers;
      for (const accountId of part.typing) typing.add(accountId);
    }
    return { readers, typing: [...typing].slice(0, MAX_TYPING) };
  }

  private roomOf(key: string): Room {
    let room = this.rooms.get(key);
    if (!room) {
      room = {
        readers: new Map(),
        typing: new Map(),
        remote: new Map(),
        watchers: new Set(),
        told: new Throttle(PRESENCE_INTERVAL_MS, () => this.tell(key)),
        notified: new Throttle(PRESENCE_INTERVAL_MS, () => this.notify(key)),
        typingExpiry: null,
        lastView: '',
      };
      this.rooms.set(key, room);
    }
    return room;
  }

  /** This instance's part changed: the others hear of it, and so do this room's watchers here. */
  private changed(key: string, room: Room): void {
    room.told.run();
    room.notified.run();
  }

  private tell(key: string): void {
    const room = this.rooms.get(key);
    if (!room) return;
    const typing = typingHere(room, Date.now()).slice(0, MAX_TYPING);
    this.send({ kind: 'presence', instance: this.instance, n: ++this.told, room: key, readers: room.readers.size, typing });
    this.forgetIfEmpty(key, room);
  }

  private notify(key: string): void {
    const room = this.rooms.get(key);
    if (!room) return;
    const view = this.view(room);
    const text = viewKey(view);
    if (room.watchers.size > 0 && text !== room.lastView) {
      room.lastView = text;
      for (const watcher of room.watchers) {
        try {
          watcher(view);
        } catch (error) {
          this.logger.error({ err: error, room: key }, 'A presence watcher failed');
        }
      }
    }
    this.forgetIfEmpty(key, room);
  }

  /**
   * What the other instances say. Only rooms someone here reads or watches keep their parts (a
   * room becoming watched here asks for them), so an instance holds the rooms it serves, not
   * every room of the cluster.
   */
  private heard(signal: Signal): void {
    const message = signal as PresenceSignals;
    if (message.instance === this.instance) return;
    switch (message.kind) {
      case 'presence.gone':
        for (const [key, room] of this.rooms) {
          if (!room.remote.delete(message.instance)) continue;
          room.notified.run();
          this.forgetIfEmpty(key, room);
        }
        return;
      case 'presence.ask': {
        const room = this.rooms.get(message.room);
        if (room && (room.readers.size > 0 || room.typing.size > 0)) room.told.run();
        return;
      }
      case 'presence.stopped':
        this.stoppedTyping(message.room, message.account);
        return;
      case 'presence': {
        const room = this.rooms.get(message.room);
        if (!room || (room.readers.size === 0 && room.watchers.size === 0)) return;
        const known = room.remote.get(message.instance);
        if (known && known.n >= message.n) return;
        room.remote.set(message.instance, { n: message.n, readers: message.readers, typing: message.typing, expiresAt: Date.now() + INSTANCE_EXPIRY_MS });
        room.notified.run();
        return;
      }
      default:
        return;
    }
  }

  /** Every heartbeat: repeat this instance's parts, forget instances gone quiet. */
  private beat(): void {
    const now = Date.now();
    for (const [key, room] of this.rooms) {
      let expired = false;
      for (const [instance, part] of room.remote) {
        if (part.expiresAt <= now) {
          room.remote.delete(instance);
          expired = true;
        }
      }
      if (room.readers.size > 0 || room.typing.size > 0) room.told.run();
      if (expired) room.notified.run();
      this.forgetIfEmpty(key, room);
    }
  }

  /** Typists who stopped reporting stop showing when their time is up. */
  private scheduleTypingExpiry(key: string, room: Room): void {
    if (room.typingExpiry) clearTimeout(room.typingExpiry);
    room.typingExpiry = null;
    if (room.typing.size === 0) return;
    const next = Math.min(...room.typing.values());
    room.typingExpiry = setTimeout(() => {
      room.typingExpiry = null;
      const now = Date.now();
      for (const [accountId, until] of room.typing) if (until <= now) room.typing.delete(accountId);
      this.scheduleTypingExpiry(key, room);
      this.changed(key, room);
    }, Math.max(0, next - Date.now()) + 10);
    room.typingExpiry.unref();
  }

  /** A room nobody here reads, types in or watches is dropped (once the others know), with what it heard of the others. */
  private forgetIfEmpty(key: string, room: Room): void {
    if (room.readers.size > 0 || room.typing.size > 0 || room.watchers.size > 0) return;
    if (room.told.pending || room.notified.pending) return;
    this.dispose(room);
    if (this.rooms.get(key) === room) this.rooms.delete(key);
  }

  private dispose(room: Room): void {
    room.told.cancel();
    room.notified.cancel();
    if (room.typingExpiry) clearTimeout(room.typingExpiry);
  }

  private send(signal: PresenceSignals): void {
    this.bus.signal(signal).catch((error: unknown) => this.logger.warn({ err: error, signal: signal.kind }, 'Telling the other instances of presence failed'));
  }
}

/** This instance's typists in the room whose time is not up. */
function typingHere(room: Room, now: number): string[] {
  const typing: string[] = [];
  for (const [accountId, until] of room.typing) if (until > now) typing.push(accountId);
  return typing;
}

/**
 * Runs a task at once when it has not run for `intervalMs`, else once at the end of the
 * interval, however many times it was asked meanwhile.
 */
class Throttle {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => void,
  ) {}

  get pending(): boolean {
    return this.timer !== null;
  }

  run(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait <= 0) return this.fire();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire();
    }, wait);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.last = Date.now();
    this.task();
  }
}
