import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@commons/server-core';

const FLUSH_EVERY_MS = 5_000;
const MAX_BUFFERED = 20_000;

/**
 * Counts thread views without a write per page view: views are buffered in memory and
 * flushed every few seconds in one statement. Unique per person and day, across instances,
 * because the flush inserts into a table keyed by (thread, person, day) and only counts the
 * rows that were new. A crash loses at most a few seconds of views.
 */
@Injectable()
export class ThreadViews implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ThreadViews.name);
  private buffer = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not flush thread views')), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** Notes a view; cheap, synchronous, no database. */
  record(threadId: string, accountId: string): void {
    if (this.buffer.size >= MAX_BUFFERED) return;
    this.buffer.add(`${threadId}|${accountId}|${this.clock.now().toISOString().slice(0, 10)}`);
  }

  /** Writes the buffered views; returns how many were new. */
  async flush(): Promise<number> {
    if (this.flushing) await this.flushing;
    if (this.buffer.size === 0) return 0;
    const batch = [...this.buffer].map((key) => key.split('|'));
    this.buffer = new Set();
    this.flushing = this.dataSource
      .query(
        `WITH fresh AS (
           INSERT INTO forum_thread_views (thread_id, account_id, day)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS v(thread_id, account_id, day)
            WHERE EXISTS (SELECT 1 FROM forum_threads t WHERE t.id = v.thread_id)
           ON CONFLICT DO NOTHING RETURNING thread_id),
         bumped AS (
           UPDATE forum_threads t SET view_count = t.view_count + f.n
             FROM (SELECT thread_id, count(*)::int AS n FROM fresh GROUP BY thread_id) f
            WHERE t.id = f.thread_id
           RETURNING f.n)
         SELECT coalesce(sum(n), 0)::int AS n FROM bumped`,
        [batch.map((b) => b[0]), batch.map((b) => b[1]), batch.map((b) => b[2])],
      )
      .then((rows: Array<{ n: number }>) => rows[0]?.n ?? 0);
    try {
      return await this.flushing;
    } finally {
      this.flushing = null;
    }
  }
}
