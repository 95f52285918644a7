import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@commons/server-core';
import { dayIn } from '../metrics/days';
import { DailyRollups, type RollupDay } from './daily-rollup';

export const RollupStatus = { Queued: 'QUEUED', Running: 'RUNNING', Done: 'DONE', Failed: 'FAILED' } as const;
export type RollupStatus = (typeof RollupStatus)[keyof typeof RollupStatus];

export interface RollupRun {
  day: string;
  status: RollupStatus;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  rows: number | null;
  error: string | null;
}

/**
 * Runs a day's rollup: every registered part, in one transaction, under a per-day lock (two
 * instances asked for the same day run it one after the other, with the same result). The
 * day's run row tells admins how it went.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger('Rollups');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly parts: DailyRollups,
  ) {}

  /** Today in the organisation's time zone. */
  today(): string {
    return dayIn(this.config.timeZone, this.clock.now());
  }

  /** Marks days as queued (a backfill waiting for the job runner). */
  async markQueued(days: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO rollup_runs (day, status, requested_at) SELECT d, 'QUEUED', $2 FROM unnest($1::date[]) AS d
       ON CONFLICT (day) DO UPDATE SET status = 'QUEUED', requested_at = $2, error = NULL WHERE rollup_runs.status <> 'RUNNING'`,
      [days, this.clock.now()],
    );
  }

  /** Rolls up one day; returns the rows written. A failure is recorded on the run and rethrown. */
  async rollDay(day: string): Promise<number> {
    const startedAt = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO rollup_runs (day, status, requested_at, started_at) VALUES ($1, 'RUNNING', $2, $2)
       ON CONFLICT (day) DO UPDATE SET status = 'RUNNING', started_at = $2, finished_at = NULL, error = NULL`,
      [day, startedAt],
    );
    try {
      const rows = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('commons_rollup'), $1::date - date '2000-01-01')`, [day]);
        const [bounds]: Array<{ start: Date; end: Date }> = await manager.query(
          `SELECT ($1::date)::timestamp AT TIME ZONE $2 AS start, ($1::date + 1)::timestamp AT TIME ZONE $2 AS "end"`,
          [day, this.config.timeZone],
        );
        const rollupDay: RollupDay = { day, start: bounds.start, end: bounds.end, timeZone: this.config.timeZone };
        let written = 0;
        for (const part of this.parts.all) written += await part.rollDay({ query: (text, params) => manager.query(text, params) }, rollupDay);
        return written;
      });
      await this.dataSource.query(`UPDATE rollup_runs SET status = 'DONE', finished_at = $2, rows = $3 WHERE day = $1`, [day, this.clock.now(), rows]);
      return rows;
    } catch (error) {
      this.logger.error({ err: error, day }, 'A rollup failed');
      // The run tells admins that it failed and where to look; the error itself is in the log.
      await this.dataSource.query(`UPDATE rollup_runs SET status = 'FAILED', finished_at = $2, error = $3 WHERE day = $1`, [day, this.clock.now(), 'The rollup failed; the server log has the error.']);
      throw error;
    }
  }

  /** Rolls up days one after the other, oldest first (windows read the days before them). */
  async rollDays(days: readonly string[]): Promise<number> {
    let rows = 0;
    for (const day of [...days].sort()) rows += await this.rollDay(day);
    return rows;
  }

  /** The latest day whose rollup is done, if any. */
  async lastDone(): Promise<string | null> {
    const [row]: Array<{ day: string | null }> = await this.dataSource.query(`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM rollup_runs WHERE status = 'DONE'`);
    return row?.day ?? null;
  }

  async runs(from: string, to: string): Promise<RollupRun[]> {
    const rows: Array<{ day: string; status: RollupStatus; requested_at: Date; started_at: Date | null; finished_at: Date | null; rows: number | null; error: string | null }> =
      await this.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, status, requested_at, started_at, finished_at, rows, error
           FROM rollup_runs WHERE day BETWEEN $1 AND $2 ORDER BY day DESC`,
        [from, to],
      );
    return rows.map((r) => ({ day: r.day, status: r.status, requestedAt: r.requested_at, startedAt: r.started_at, finishedAt: r.finished_at, rows: r.rows, error: r.error }));
  }
}
