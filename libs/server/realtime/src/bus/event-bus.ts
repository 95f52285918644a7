import type { DomainEvent } from '@commons/server-core';

/** An event as the relay published it: the outbox row's sequence number says where it stands. */
export interface PublishedEvent extends DomainEvent {
  /** The outbox sequence: increasing, and in commit order for one subject (its writes lock it). */
  seq: number;
  occurredAt: string;
}

export type EventListener = (event: PublishedEvent) => void;

/**
 * An ephemeral message between API instances that is not a domain event (presence): not in the
 * outbox, no sequence, lost when nobody listens. At most MAX_MESSAGE_BYTES as JSON.
 */
export interface Signal {
  kind: string;
  [field: string]: unknown;
}

export type SignalListener = (signal: Signal) => void;

/**
 * Carries published events to every API instance, this one included: each instance hears each
 * event once and fans it out to its own subscribers. Two adapters, one contract: PostgreSQL
 * LISTEN/NOTIFY (the default, works with one instance and the embedded database) and Redis
 * pub/sub (when REDIS_URL is set, for many instances).
 */
export abstract class EventBus {
  /** A name for logs and /health. */
  abstract readonly transport: 'postgres' | 'redis';
  /** Connects and starts listening; resolves once events published from now on will be heard. */
  abstract start(): Promise<void>;
  abstract publish(events: readonly PublishedEvent[]): Promise<void>;
  /** Adds a listener; returns the function that removes it. */
  abstract listen(listener: EventListener): () => void;
  /** Sends a signal to every instance, this one included; refused when too big for the bus. */
  abstract signal(signal: Signal): Promise<void>;
  /** Adds a signal listener; returns the function that removes it. */
  abstract listenSignals(listener: SignalListener): () => void;
  abstract stop(): Promise<void>;
}

/** The channels both adapters use: domain events, and signals apart from them. */
export const EVENTS_CHANNEL = 'commons_events';
export const SIGNALS_CHANNEL = 'commons_signals';

/**
 * Messages of at most this many bytes: PostgreSQL refuses NOTIFY payloads of 8,000 bytes or
 * more; events carry ids only, so a batch is split rather than an event ever being too big.
 */
export const MAX_MESSAGE_BYTES = 7_000;

/** Packs events into as few messages as fit (a JSON array each), in order. */
export function packMessages(events: readonly PublishedEvent[]): string[] {
  const messages: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const event of events) {
    const json = JSON.stringify(event);
    const bytes = Buffer.byteLength(json);
    if (batch.length > 0 && size + bytes + 1 > MAX_MESSAGE_BYTES) {
      messages.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += bytes + 1;
  }
  if (batch.length > 0) messages.push(`[${batch.join(',')}]`);
  return messages;
}

/** A signal as one bus message; refused when PostgreSQL's NOTIFY could not carry it. */
export function signalMessage(signal: Signal): string {
  const message = JSON.stringify(signal);
  if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) throw new Error(`A ${signal.kind} signal is too big for the event bus.`);
  return message;
}

/**
 * Shared by both adapters: unpacks a bus message into what it carries (events, a signal) and
 * hands each to every listener.
 */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly unpack: (message: string) => readonly T[]) {}

  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(message: string, onError: (error: unknown) => void): void {
    let values: readonly T[];
    try {
      values = this.unpack(message);
    } catch (error) {
      onError(error);
      return;
    }
    for (const value of values) {
      for (const listener of this.listeners) {
        try {
          listener(value);
        } catch (error) {
          // One failing subscriber must not keep the event from the others.
          onError(error);
        }
      }
    }
  }
}

/** The listeners of events: a message is a JSON array of them (see packMessages). */
export const eventListeners = (): ListenerSet<PublishedEvent> => new ListenerSet((message) => JSON.parse(message) as PublishedEvent[]);
/** The listeners of signals: a message is one. */
export const signalListeners = (): ListenerSet<Signal> => new ListenerSet((message) => [JSON.parse(message) as Signal]);
