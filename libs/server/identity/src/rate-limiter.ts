import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, RateLimitedError } from '@commons/server-core';

export interface RateLimit {
  /** What is counted, e.g. `login:account:ada@example.com`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Fixed-window counters in PostgreSQL, shared by every API instance.
 * One upsert per check: `hit` counts an attempt and refuses it past the limit.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Counts one attempt against every limit; throws RATE_LIMITED if any is exceeded. */
  async hit(limits: RateLimit[]): Promise<void> {
    const now = this.clock.now().getTime();
    const windows = limits.map((l) => {
      const windowMs = l.windowSeconds * 1000;
      const start = Math.floor(now / windowMs) * windowMs;
      return { ...l, start: new Date(start), retryAfterSeconds: Math.ceil((start + windowMs - now) / 1000) };
    });
    const rows: Array<{ key: string; hits: number }> = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], array_fill(1, ARRAY[cardinality($1::text[])]))
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1
       RETURNING key, hits`,
      [windows.map((w) => w.key), windows.map((w) => w.start)],
    );
    const hits = new Map(rows.map((r) => [r.key, r.hits]));
    const exceeded = windows.filter((w) => (hits.get(w.key) ?? 0) > w.limit);
    if (exceeded.length > 0) {
      throw new RateLimitedError(Math.max(...exceeded.map((w) => w.retryAfterSeconds)));
    }
  }

  /** Forgets an account's failures after it proves who it is. */
  async reset(keys: string[]): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_buckets WHERE key = ANY($1::text[])', [keys]);
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE window_start < $1`, [
      new Date(this.clock.now().getTime() - 86_400_000),
    ]);
  }
}
