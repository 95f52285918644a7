import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@commons/server-core';
import type { PublishedEvent } from '../bus/event-bus';

/** What a consumer may do inside the relay's transaction. */
export interface ConsumerTransaction {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Events this consumer's work caused (a notification created): published by the relay's next batch. */
  record(...events: DomainEvent[]): void;
}

/**
 * Work derived from events that must happen once, whatever the number of API instances (stored
 * notifications, later analytics rollups): the relay runs each consumer on every batch it
 * publishes, in the transaction that marks the batch published, under the relay's lock.
 */
export interface EventConsumer {
  /** A name for logs. */
  readonly name: string;
  consume(tx: ConsumerTransaction, events: readonly PublishedEvent[]): Promise<void>;
}

/** The consumers the relay runs; a module registers its own when it starts (onModuleInit). */
@Injectable()
export class EventConsumers {
  private readonly consumers: EventConsumer[] = [];

  register(consumer: EventConsumer): void {
    this.consumers.push(consumer);
  }

  get all(): readonly EventConsumer[] {
    return this.consumers;
  }
}
