import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '@commons/server-core';
import { EventBus, type PublishedEvent } from '../bus/event-bus';
import { poolOf } from '../pool-of';
import { EventConsumers, type ConsumerTransaction } from './event-consumers';

/** Events published per transaction of the relay. */
const BATCH = 500;
/** Unpublished events are looked for this often even without a wake-up (another instance's crash, a lost wake). */
const POLL_MS = 1_000;
/** Published events are kept this long for clients that reconnect, then removed. */
const RETENTION_HOURS = 24;
const CLEANUP_MS = 10 * 60_000;
/** One relay publishes at a time, across instances: events leave in sequence order. */
const RELAY_LOCK = "hashtext('commons_outbox_relay')";

export interface OutboxRow {
  seq: string;
  type: string;
  community_id: string | null;
  subject_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Publishes committed outbox rows on the event bus, oldest first, and marks them published in
 * the same transaction. At least once: a crash between publishing and committing the mark
 * publishes them again, and listeners drop sequence numbers they have already seen.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timers: NodeJS.Timeout[] = [];
  private lastFailure: unknown = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly consumers: EventConsumers,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.timers = [setInterval(() => this.wake(), POLL_MS), setInterval(() => void this.removeOld(), CLEANUP_MS)];
    for (const timer of this.timers) timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
  }

  /** Publishes what is waiting, now; a wake during a run makes the run look again. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.lastFailure = error;
        this.logger.error({ err: error }, 'Publishing outbox events failed; retrying on the next wake');
      })
      .finally(() => {
        this.running = null;
      });
  }

  /**
   * Resolves when every event committed before the call has been published (tests; with one
   * instance, what the consumers caused meanwhile too, as the run goes on until none is left).
   * A run that failed is retried after a short pause rather than at the next poll; after
   * `timeoutMs` the last failure is reported.
   */
  async idle(timeoutMs = 10_000): Promise<void> {
    const { rows: [{ last }] } = await this.pool.query<{ last: string | null }>('SELECT max(seq) AS last FROM outbox_events');
    const deadline = Date.now() + timeoutMs;
    const timedOut = () => new Error(`Outbox events up to ${last} are still unpublished after ${timeoutMs} ms; the last failed run: ${String(this.lastFailure)}`);
    for (;;) {
      while (this.running) {
        const left = deadline - Date.now();
        if (left <= 0) throw timedOut();
        await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, left).unref())]);
      }
      const { rows } = await this.pool.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL AND seq <= $1 LIMIT 1', [last ?? 0]);
      if (rows.length === 0 || this.stopped) return;
      if (Date.now() > deadline) throw timedOut();
      await new Promise((resolve) => setTimeout(resolve, 20));
      this.wake();
    }
  }

  private async drain(): Promise<void> {
    let published: number;
    do {
      this.again = false;
      published = await this.publishBatch();
    } while (!this.stopped && (published === BATCH || this.again));
  }

  /** The pool itself, not TypeORM: the relay's polling is not a request's work (see poolOf). */
  private get pool(): Pool {
    return poolOf(this.dataSource);
  }

  private async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    // A connection lost mid-batch rejects the batch's query (the batch is retried on the next
    // wake); without a listener the client's 'error' event would end the process.
    let lost: Error | undefined;
    const onError = (error: Error) => (lost = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const { rows: [{ locked }] } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`);
      let published = 0;
      if (!locked) {
        // Another instance is publishing; it may have looked before our rows committed.
        this.again = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } else {
        const { rows } = await client.query<OutboxRow>(
          `SELECT seq, type, community_id, subject_id, payload, created_at FROM outbox_events WHERE published_at IS NULL ORDER BY seq LIMIT ${BATCH}`,
        );
        if (rows.length > 0) {
          const events = rows.map(publishedEventOf);
          await this.consume(client, events);
          await this.bus.publish(events);
          await client.query('UPDATE outbox_events SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
          published = rows.length;
        }
      }
      await client.query('COMMIT');
      return published;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      // A lost connection is not given back to the pool for reuse.
      client.release(lost);
    }
  }

  /**
   * Runs every consumer on the batch, each behind a savepoint: a consumer's failure is logged
   * and its work for the batch dropped, but never holds back delivery to everyone else.
   */
  private async consume(client: PoolClient, events: readonly PublishedEvent[]): Promise<void> {
    for (const consumer of this.consumers.all) {
      const caused: DomainEvent[] = [];
      const tx: ConsumerTransaction = {
        query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
        record: (...more) => caused.push(...more),
      };
      await client.query('SAVEPOINT consumer');
      try {
        await consumer.consume(tx, events);
        if (caused.length > 0) {
          await client.query(
            `INSERT INTO outbox_events (type, community_id, subject_id, payload)
             SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::jsonb[])`,
            [caused.map((e) => e.type), caused.map((e) => e.communityId), caused.map((e) => e.subjectId), caused.map((e) => JSON.stringify(e.payload))],
          );
          this.again = true;
        }
        await client.query('RELEASE SAVEPOINT consumer');
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT consumer');
        this.logger.error({ err: error, consumer: consumer.name, from: events[0]?.seq, to: events.at(-1)?.seq }, 'An event consumer failed; its work for these events was dropped');
      }
    }
  }

  private async removeOld(): Promise<void> {
    try {
      await this.pool.query(`DELETE FROM outbox_events WHERE published_at < now() - interval '${RETENTION_HOURS} hours'`);
    } catch (error) {
      this.logger.warn({ err: error }, 'Removing old outbox events failed');
    }
  }
}

export function publishedEventOf(row: OutboxRow): PublishedEvent {
  return {
    seq: Number(row.seq),
    type: row.type,
    communityId: row.community_id,
    subjectId: row.subject_id,
    payload: row.payload,
    occurredAt: row.created_at.toISOString(),
  };
}
