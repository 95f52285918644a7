import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DomainEvents } from '../events/domain-events';
import type { Clock } from '../time/clock';

const FLUSH_EVERY_MS = 5_000;
const MAX_BUFFERED = 20_000;
/** Views per `content.viewed` event: ids only, but a flush can hold thousands. */
const VIEWS_PER_EVENT = 500;

/** The event a flush records for the views that were new (analytics counts them). */
export const CONTENT_VIEWED = 'content.viewed';

/** Where views of one kind of thing are kept: the table of (thing, person, day) rows, and the things' table with its view_count. */
export interface ViewTables {
  /** For logs: "thread", "article". */
  thing: string;
  views: string;
  /** The views table's column naming the thing. */
  key: string;
  things: string;
  /** The things' column naming their community (null for platform-wide things). */
  community: string;
}

/**
 * Counts views without a write per page view: views are buffered in memory and flushed every
 * few seconds in one statement. Unique per person and day, across instances, because the flush
 * inserts into a table keyed by (thing, person, day) and only counts the rows that were new.
 * A crash loses at most a few seconds of views. The new views are told as `content.viewed`
 * events in the flush's transaction: payload `{ thing, views: [[id, accountId, communityId]] }`.
 */
export abstract class DailyViews implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: Logger;
  private buffer = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<number> | null = null;
  private readonly statement: string;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly tables: ViewTables,
  ) {
    this.logger = new Logger(`${tables.thing} views`);
    const { views, key, things, community } = tables;
    this.statement = `WITH fresh AS (
        INSERT INTO ${views} (${key}, account_id, day)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS v(${key}, account_id, day)
         WHERE EXISTS (SELECT 1 FROM ${things} x WHERE x.id = v.${key})
        ON CONFLICT DO NOTHING RETURNING ${key}, account_id),
      bumped AS (
        UPDATE ${things} x SET view_count = x.view_count + f.n
          FROM (SELECT ${key}, count(*)::int AS n FROM fresh GROUP BY ${key}) f
         WHERE x.id = f.${key}
        RETURNING x.id, x.${community} AS community_id)
      SELECT f.${key} AS id, f.account_id, b.community_id FROM fresh f JOIN bumped b ON b.id = f.${key}`;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.logger.warn({ err: error }, `Could not flush ${this.tables.thing} views`)), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** Notes a view; cheap, synchronous, no database. */
  record(id: string, accountId: string): void {
    if (this.buffer.size >= MAX_BUFFERED) return;
    this.buffer.add(`${id}|${accountId}|${this.clock.now().toISOString().slice(0, 10)}`);
  }

  /** Writes the buffered views; returns how many were new. */
  async flush(): Promise<number> {
    if (this.flushing) await this.flushing;
    if (this.buffer.size === 0) return 0;
    const batch = [...this.buffer].map((key) => key.split('|'));
    this.buffer = new Set();
    this.flushing = this.dataSource.transaction(async (manager) => {
      const fresh: Array<{ id: string; account_id: string; community_id: string | null }> = await manager.query(this.statement, [
        batch.map((b) => b[0]),
        batch.map((b) => b[1]),
        batch.map((b) => b[2]),
      ]);
      for (let i = 0; i < fresh.length; i += VIEWS_PER_EVENT) {
        const views = fresh.slice(i, i + VIEWS_PER_EVENT).map((v) => [v.id, v.account_id, v.community_id]);
        await this.events.record(manager, { type: CONTENT_VIEWED, communityId: null, subjectId: null, payload: { thing: this.tables.thing, views } });
      }
      return fresh.length;
    });
    try {
      return await this.flushing;
    } finally {
      this.flushing = null;
    }
  }
}
