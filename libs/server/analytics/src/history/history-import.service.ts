import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@commons/server-core';
import { dayIn, daysBetween } from '../metrics/days';
import { RollupService } from '../rollups/rollup.service';
import { HISTORY_SOURCES, IMPORTED_TWICE, PRESENCE_FROM_IMPORTED, SUPPORT_QUESTIONS_FROM_THREADS } from './history-sources';

const DAY_MS = 86_400_000;

export interface HistoryImportOptions {
  /** The first instant imported; by default the oldest month the activity log keeps (its retention). */
  from?: Date;
  /** Import what happened before this instant (default: now); never past the first live event. */
  before?: Date;
}

export interface HistoryImport {
  /** The range imported: [from, to). `to` is where live activity takes over. */
  from: Date;
  to: Date;
  /** The first imported act, if any (where rollups need to start). */
  firstAt: Date | null;
  /**
   * Rows written per source (see HISTORY_SOURCES), with `presence` and `support questions`
   * (facts, not activity rows), less `already live` (negative: acts the consumer had written).
   */
  rows: Record<string, number>;
  total: number;
  milliseconds: number;
}

export interface HistoryRollup {
  days: number;
  /** The slowest day and the mean, in milliseconds. */
  slowestMs: number;
  meanMs: number;
  milliseconds: number;
}

/**
 * Gives analytics the past it did not see: activity rows derived from the content and community
 * tables for a range (for an installation that predates analytics, and for the generated seed,
 * which writes with COPY and tells no events), then the rolled-up days dashboards read.
 *
 * Set-based (one INSERT … SELECT per source, a million posts in seconds), in one transaction.
 * Idempotent for a range: the range's imported rows (those without an event) are replaced. It
 * never overlaps live activity: the range ends at the first event the consumer wrote, or has
 * yet to consume, so nothing is counted twice.
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger('HistoryImport');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rollups: RollupService,
  ) {}

  async importHistory(options: HistoryImportOptions = {}): Promise<HistoryImport> {
    const started = Date.now();
    const from = options.from ?? this.oldestKeptMonth();
    const result = await this.dataSource.transaction(async (manager) => {
      // One import at a time: two would delete each other's rows.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('commons_history_import'))`);
      const to = await this.liveStart(manager, options.before ?? this.clock.now());
      const rows: Record<string, number> = {};
      if (to <= from) return { from, to, firstAt: null, rows, total: 0 };
      await manager.query(`SET LOCAL work_mem = '128MB'`);
      // Directly, not through ActivityPartitions' memory of months: a rollback would leave it wrong.
      await manager.query('SELECT analytics_month_partition(m) FROM unnest($1::date[]) AS m', [monthsBetween(from, to)]);
      const range = [from, to];
      await manager.query('DELETE FROM activity_log WHERE event_seq IS NULL AND occurred_at >= $1 AND occurred_at < $2', range);
      const count = async (sql: string, params: unknown[]) =>
        ((await manager.query(`WITH inserted AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM inserted`, params)) as Array<{ n: number }>)[0].n;
      for (const source of HISTORY_SOURCES) {
        const inserted = await count(
          `INSERT INTO activity_log (occurred_at, kind, account_id, community_id, subject_id, content_id, event_seq, detail)
           SELECT s.occurred_at, s.kind::activity_kind, s.account_id, s.community_id, s.subject_id, s.content_id, NULL, s.detail
             FROM (${source.select}) AS s(occurred_at, kind, account_id, community_id, subject_id, content_id, detail)`,
          range,
        );
        rows[source.name] = (rows[source.name] ?? 0) + inserted;
      }
      const [, twice] = (await manager.query(IMPORTED_TWICE, [to])) as [unknown, number];
      if (twice > 0) rows['already live'] = -twice;
      rows['presence'] = await count(PRESENCE_FROM_IMPORTED, [...range, this.config.timeZone]);
      rows['support questions'] = await count(SUPPORT_QUESTIONS_FROM_THREADS, range);
      const [{ first }]: Array<{ first: Date | null }> = await manager.query(
        'SELECT min(occurred_at) AS first FROM activity_log WHERE event_seq IS NULL AND occurred_at >= $1 AND occurred_at < $2',
        range,
      );
      const total = Object.entries(rows).reduce((sum, [name, n]) => sum + (name === 'support questions' ? 0 : n), 0);
      return { from, to, firstAt: first, rows, total };
    });
    // The rollups that follow plan their reads of the log on fresh statistics.
    if (result.total > 0) await this.dataSource.query('ANALYZE activity_log');
    const milliseconds = Date.now() - started;
    this.logger.log(`Imported ${result.total} activity rows from ${result.from.toISOString()} to ${result.to.toISOString()} in ${milliseconds} ms`);
    return { ...result, milliseconds };
  }

  /**
   * The days an import needs rolled up, oldest first: from its first act to today (in the
   * organisation's time zone), at most the last `maxDays` (dashboards show a year by default).
   */
  daysToRoll(imported: Pick<HistoryImport, 'firstAt'>, maxDays = Infinity): string[] {
    if (!imported.firstAt) return [];
    const today = this.rollups.today();
    const earliest = Number.isFinite(maxDays) ? new Date(Date.parse(`${today}T00:00:00Z`) - (maxDays - 1) * DAY_MS).toISOString().slice(0, 10) : '';
    const first = dayIn(this.config.timeZone, imported.firstAt);
    return daysBetween(first > earliest ? first : earliest, today);
  }

  /** Rolls the days up one by one, oldest first (each day's windows read the days before it). */
  async rollUp(days: readonly string[], onDay?: (day: string, milliseconds: number, done: number) => void): Promise<HistoryRollup> {
    const started = Date.now();
    let slowestMs = 0;
    const sorted = [...days].sort();
    for (const [i, day] of sorted.entries()) {
      const dayStarted = Date.now();
      await this.rollups.rollDay(day);
      const ms = Date.now() - dayStarted;
      slowestMs = Math.max(slowestMs, ms);
      onDay?.(day, ms, i + 1);
    }
    const milliseconds = Date.now() - started;
    return { days: sorted.length, slowestMs, meanMs: sorted.length > 0 ? milliseconds / sorted.length : 0, milliseconds };
  }

  /**
   * Where live activity starts: the earliest of `before`, the first activity the consumer wrote,
   * and the first event it has yet to consume (still unpublished in the outbox).
   */
  private async liveStart(manager: { query(text: string, params?: unknown[]): Promise<unknown> }, before: Date): Promise<Date> {
    const [{ at }] = (await manager.query(
      `SELECT least($1::timestamptz,
                    (SELECT min(occurred_at) FROM activity_log WHERE event_seq IS NOT NULL),
                    (SELECT min(created_at) FROM outbox_events WHERE published_at IS NULL)) AS at`,
      [before],
    )) as Array<{ at: Date }>;
    return at;
  }

  /** The first day of the oldest month the log keeps (ANALYTICS_RETENTION_MONTHS). */
  private oldestKeptMonth(): Date {
    const now = this.clock.now();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.config.analytics.retentionMonths + 1, 1));
  }
}

/** The first day (YYYY-MM-DD) of every month from `from` to just before `to`: the months that need partitions. */
function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  for (let m = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); m < to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m.toISOString().slice(0, 10));
  }
  return months;
}
