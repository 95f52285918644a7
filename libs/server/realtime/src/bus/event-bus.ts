import type { DomainEvent } from '@commons/server-core';

/** An event as the relay published it: the outbox row's sequence number says where it stands. */
export interface PublishedEvent extends DomainEvent {
  /** The outbox sequence: increasing, and in commit order for one subject (its writes lock it). */
  seq: number;
  occurredAt: string;
}

export type EventListener = (event: PublishedEvent) => void;

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
  abstract stop(): Promise<void>;
}

/** The channel both adapters use. */
export const EVENTS_CHANNEL = 'commons_events';

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

/** Shared by both adapters: unpacks a message and hands each event to every listener. */
export class ListenerSet {
  private readonly listeners = new Set<EventListener>();

  add(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(message: string, onError: (error: unknown) => void): void {
    let events: PublishedEvent[];
    try {
      events = JSON.parse(message) as PublishedEvent[];
    } catch (error) {
      onError(error);
      return;
    }
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          // One failing subscriber must not keep the event from the others.
          onError(error);
        }
      }
    }
  }
}
