import { Logger } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import type { PublishedEvent } from '../bus/event-bus';
import type { EventHistory } from '../outbox/event-history';
import type { EventStream } from './event-stream';
import { Mailbox } from './mailbox';

/** Deliveries one subscriber may have waiting before it is ended (its client resubscribes with `since`). */
const MAX_WAITING = 100;
/** Missed events replayed on resubscription; more than this and the client refetches instead. */
const MAX_REPLAYED = 200;
/** Events delivered together when they arrived while earlier ones were being delivered. */
const MAX_BATCH = 32;

/**
 * What an event is for each of its subscribers, in their order: undefined for one who may not
 * see it. Subscribers who see it alike should get the same object (see shareExecution).
 */
export type ShapeEvent<T> = (key: string, event: PublishedEvent, viewers: readonly Viewer[]) => Promise<ReadonlyArray<T | undefined>>;

export interface AudienceOptions<T> {
  /** Where a key's events come from (a subject's or a community's stream). */
  watch(stream: EventStream, key: string): Mailbox<PublishedEvent>;
  shape: ShapeEvent<T>;
  /** For resubscriptions with `since`: where the key's past events are kept, and what tells a client to refetch. */
  history?: { source: EventHistory; types: readonly string[]; refetch(key: string, latestSeq: number): T };
}

interface Subscriber<T> {
  viewer: Viewer;
  mailbox: Mailbox<T>;
  /** While the subscriber catches up after `since`, live events wait here. */
  held: PublishedEvent[] | null;
  /** Sequences replayed to the subscriber, so the same event arriving live is not sent twice. */
  replayed: Set<number>;
}

interface Audience<T> {
  subscribers: Set<Subscriber<T>>;
  events: Mailbox<PublishedEvent>;
}

/**
 * Subscribers of one kind (a thread's readers, a community's visitors, a queue's moderators)
 * on this instance, grouped by key. Fan-out once: one event stream per key, each event shaped
 * once for all the key's subscribers (the shaper loads it once and authorizes everyone from one
 * statement), each subscriber with a bounded mailbox, and a subscriber coming back with the
 * last sequence it saw sent what it missed first.
 */
export class Audiences<T> {
  private readonly logger: Logger;
  private readonly audiences = new Map<string, Audience<T>>();

  constructor(
    name: string,
    private readonly stream: EventStream,
    private readonly options: AudienceOptions<T>,
  ) {
    this.logger = new Logger(name);
  }

  /** Subscribers on this instance (tests, /metrics). */
  get size(): number {
    let size = 0;
    for (const audience of this.audiences.values()) size += audience.subscribers.size;
    return size;
  }

  /** The subscriber's deliveries from now on; with `since`, first what they missed (or the refetch signal). */
  follow(viewer: Viewer, key: string, since: number | null = null): AsyncIterableIterator<T> {
    const audience = this.audienceOf(key);
    const subscriber: Subscriber<T> = {
      viewer,
      held: since === null ? null : [],
      replayed: new Set(),
      mailbox: new Mailbox(MAX_WAITING, () => this.leave(key, audience, subscriber)),
    };
    audience.subscribers.add(subscriber);
    if (since !== null) {
      this.catchUp(key, subscriber, since).catch((error: unknown) => {
        this.logger.error({ err: error, key }, 'Sending missed events failed');
        subscriber.mailbox.fail(new Error('Catching up failed; subscribe again.'));
      });
    }
    return subscriber.mailbox;
  }

  private audienceOf(key: string): Audience<T> {
    const existing = this.audiences.get(key);
    if (existing) return existing;
    const audience: Audience<T> = { subscribers: new Set(), events: this.options.watch(this.stream, key) };
    this.audiences.set(key, audience);
    void this.pump(key, audience);
    return audience;
  }

  private leave(key: string, audience: Audience<T>, subscriber: Subscriber<T>): void {
    audience.subscribers.delete(subscriber);
    if (audience.subscribers.size > 0) return;
    if (this.audiences.get(key) === audience) this.audiences.delete(key);
    void audience.events.return?.();
  }

  /**
   * Delivers the key's events in order, to the subscribers present when each arrives. Events
   * that arrived while earlier ones were being delivered go out together, each subscriber's in
   * one write: a burst costs fewer system calls per event, so delivery catches up instead of
   * falling further behind.
   */
  private async pump(key: string, audience: Audience<T>): Promise<void> {
    try {
      for (;;) {
        const next = await audience.events.next();
        if (next.done) return;
        const events = [next.value, ...audience.events.takeWaiting(MAX_BATCH - 1)];
        await this.deliver(key, events, [...audience.subscribers]).catch((error: unknown) =>
          this.logger.error({ err: error, key, seqs: events.map((e) => e.seq) }, 'Delivering events failed'),
        );
      }
    } catch (error) {
      // This instance fell too far behind: every subscriber resubscribes and catches up.
      for (const subscriber of audience.subscribers) subscriber.mailbox.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (this.audiences.get(key) === audience) this.audiences.delete(key);
    }
  }

  private async deliver(key: string, events: readonly PublishedEvent[], subscribers: readonly Subscriber<T>[]): Promise<void> {
    const batch: Array<{ subscribers: Subscriber<T>[]; shaped: ReadonlyArray<T | undefined> }> = [];
    for (const event of events) {
      const live: Subscriber<T>[] = [];
      for (const subscriber of subscribers) {
        if (subscriber.held) subscriber.held.push(event);
        else if (!subscriber.replayed.has(event.seq)) live.push(subscriber);
      }
      if (live.length === 0) continue;
      try {
        batch.push({ subscribers: live, shaped: await this.shaped(key, event, live) });
      } catch (error) {
        this.logger.error({ err: error, key, seq: event.seq }, 'Delivering an event failed');
      }
    }
    if (batch.length === 1) handOver(batch[0].subscribers, batch[0].shaped);
    else if (batch.length > 1) {
      // Each subscriber's values of the whole batch, in order, handed over in one turn.
      const values = new Map<Subscriber<T>, T[]>();
      for (const { subscribers: live, shaped } of batch) {
        live.forEach((subscriber, i) => {
          const value = shaped[i];
          if (value === undefined) return;
          const own = values.get(subscriber);
          if (own) own.push(value);
          else values.set(subscriber, [value]);
        });
      }
      for (const [subscriber, own] of values) subscriber.mailbox.deliverAll(own);
    }
  }

  /** One event to these subscribers, as it is for each (catching up: no batching, no filtering). */
  private async send(key: string, event: PublishedEvent, subscribers: readonly Subscriber<T>[]): Promise<void> {
    handOver(subscribers, await this.shaped(key, event, subscribers));
  }

  /** What the event is for each subscriber, with every shared value made ready by its direct consumers. */
  private async shaped(key: string, event: PublishedEvent, subscribers: readonly Subscriber<T>[]): Promise<ReadonlyArray<T | undefined>> {
    const shaped = await this.options.shape(key, event, subscribers.map((s) => s.viewer));
    // Direct consumers make each shared value ready once (a few promises for thousands of
    // subscribers), then take it synchronously: no promise and no wake-up per subscriber.
    const preparing = new Set<Promise<unknown>>();
    subscribers.forEach((subscriber, i) => {
      const value = shaped[i];
      const ready = value === undefined ? null : subscriber.mailbox.prepare(value);
      if (ready) preparing.add(ready);
    });
    if (preparing.size > 0) await Promise.allSettled(preparing);
    return shaped;
  }

  /** Sends what the subscriber missed since `since`, then what arrived meanwhile, then lets live events through. */
  private async catchUp(key: string, subscriber: Subscriber<T>, since: number): Promise<void> {
    const history = this.options.history;
    let upTo = since;
    if (history) {
      const missed = await history.source.after(key, history.types, since, MAX_REPLAYED);
      if (!missed.complete) {
        subscriber.mailbox.push(history.refetch(key, missed.latestSeq));
        upTo = missed.latestSeq;
      } else {
        for (const event of missed.events) {
          subscriber.replayed.add(event.seq);
          await this.send(key, event, [subscriber]);
        }
      }
    }
    const held = subscriber.held ?? [];
    while (held.length > 0) {
      const event = held.shift() as PublishedEvent;
      if (subscriber.replayed.has(event.seq) || event.seq <= upTo) continue;
      await this.send(key, event, [subscriber]);
    }
    subscriber.held = null;
  }
}

/** Hands each subscriber its value of one event (none for one who may not see it). */
function handOver<T>(subscribers: ReadonlyArray<{ mailbox: Mailbox<T> }>, shaped: ReadonlyArray<T | undefined>): void {
  subscribers.forEach((subscriber, i) => {
    const value = shaped[i];
    if (value !== undefined) subscriber.mailbox.deliver(value);
  });
}
