import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@commons/server-core';

type Query = { query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]> };

/**
 * The activity log's monthly partitions: created before rows arrive for a month (the consumer,
 * backfills and the seed ask), and dropped whole once older than the retention setting. The
 * rollups made from a dropped month stay.
 */
@Injectable()
export class ActivityPartitions {
  private readonly logger = new Logger('ActivityPartitions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes sure every month these instants fall in has its partition, in the caller's
   * transaction. Asked every time (a catalogue lookup): a cache could outlive a partition
   * created in a transaction that then rolled back.
   */
  async ensure(db: Query, instants: readonly string[]): Promise<void> {
    const months = [...new Set(instants.map((at) => `${new Date(at).toISOString().slice(0, 7)}-01`))];
    await db.query('SELECT analytics_month_partition(m) FROM unnest($1::date[]) AS m', [months]);
  }

  /**
   * Daily upkeep: next month's partition ahead of time (so the relay seldom creates one), and
   * months past retention dropped. Returns how many months were dropped.
   */
  async maintain(): Promise<number> {
    const now = this.clock.now();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
    await this.ensure(this.dataSource, [now.toISOString(), next]);
    const oldest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.config.analytics.retentionMonths, 1));
    const expired: Array<{ name: string }> = await this.dataSource.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'activity_log'::regclass AND c.relname ~ '^activity_log_\\d{4}_\\d{2}$' AND c.relname < $1 ORDER BY 1`,
      [`activity_log_${oldest.toISOString().slice(0, 7).replace('-', '_')}`],
    );
    for (const { name } of expired) {
      await this.dataSource.query(`DROP TABLE IF EXISTS "${name}"`);
      this.logger.log(`Dropped ${name}: older than ${this.config.analytics.retentionMonths} months`);
    }
    return expired.length;
  }
}
