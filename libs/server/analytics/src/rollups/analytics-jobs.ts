import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, ValidationError, type AppConfig } from '@commons/server-core';
import { ActivityPartitions } from '../activity/activity-partitions';
import { addDays, daysBetween } from '../metrics/days';
import { RollupService } from './rollup.service';

const ROLL_DAYS = 'analytics-roll-days';
const HOURLY = 'analytics-hourly';
const FREQUENT = 'analytics-every-5-minutes';
/** The most days the hourly job catches up on by itself; older gaps are for a backfill. */
const MAX_CATCH_UP_DAYS = 31;

/** Background work besides the rollups (sentiment scoring, SLA checks…), registered by the parts that own it. */
export interface BackgroundTask {
  readonly name: string;
  run(): Promise<unknown>;
}

/**
 * Analytics' background jobs on pg-boss, in the platform's own PostgreSQL (schema `pgboss`, no
 * extra server): every hour, today and yesterday are rolled up again (only those days: history is
 * never recomputed) and the hourly tasks run, and every 5 minutes the frequent ones; a backfill is one job that rolls its days oldest
 * first (a day's 30-day windows read the days before it). pg-boss fires a schedule once across
 * instances.
 * Without jobs (tests, or ANALYTICS_JOBS=false) a backfill runs in the request.
 */
@Injectable()
export class AnalyticsJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AnalyticsJobs');
  private boss: PgBoss | null = null;
  private readonly hourly: BackgroundTask[] = [];
  private readonly frequent: BackgroundTask[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupService,
    private readonly partitions: ActivityPartitions,
  ) {}

  /** Runs every hour, after the rollups. */
  registerHourly(task: BackgroundTask): void {
    this.hourly.push(task);
  }

  /** Runs every 5 minutes: work people wait for (an SLA breach alert). */
  registerFrequent(task: BackgroundTask): void {
    this.frequent.push(task);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.analytics.jobs) return;
    const boss = new PgBoss({ connectionString: this.config.databaseUrl, schema: 'pgboss', max: 2, application_name: 'commons-analytics' });
    boss.on('error', (error: unknown) => this.logger.error({ err: error }, 'pg-boss reported an error'));
    await boss.start();
    // A backfill of two years runs for a while: it must not expire (and be retried) while it runs.
    await boss.createQueue(ROLL_DAYS, { name: ROLL_DAYS, retryLimit: 3, retryDelay: 60, expireInHours: 12 });
    await boss.createQueue(HOURLY, { name: HOURLY, policy: 'singleton' });
    await boss.createQueue(FREQUENT, { name: FREQUENT, policy: 'singleton' });
    await boss.schedule(HOURLY, '5 * * * *', {}, { tz: this.config.timeZone });
    await boss.schedule(FREQUENT, '*/5 * * * *', {});
    await boss.work<{ from: string; to: string }>(ROLL_DAYS, { batchSize: 1 }, async ([job]) => {
      await this.rollups.rollDays(daysBetween(job.data.from, job.data.to));
    });
    await boss.work(HOURLY, { batchSize: 1 }, () => this.runHourly());
    await boss.work(FREQUENT, { batchSize: 1 }, () => this.runAll(this.frequent));
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true });
    this.boss = null;
  }

  /** The hourly work: partitions, yesterday and today's rollups, then every hourly task. */
  async runHourly(): Promise<void> {
    await this.partitions.maintain();
    const today = this.rollups.today();
    // From the day after the last one rolled up (after an outage, the days it missed: a month's
    // windows would otherwise read holes), but at least yesterday, and at most a month back.
    const lastDone = await this.rollups.lastDone();
    const missedFrom = lastDone ? addDays(lastDone, 1) : today;
    const earliest = addDays(today, -MAX_CATCH_UP_DAYS);
    const wanted = missedFrom < today ? missedFrom : addDays(today, -1);
    const from = wanted < earliest ? earliest : wanted;
    await this.rollups.rollDays(daysBetween(from, today));
    await this.runAll(this.hourly);
  }

  private async runAll(tasks: readonly BackgroundTask[]): Promise<void> {
    for (const task of tasks) {
      await task.run().catch((error: unknown) => this.logger.error({ err: error, task: task.name }, 'An analytics background task failed'));
    }
  }

  /** Rolls up a range of days again: queued as jobs when they run here, else now, in order. */
  async backfill(from: string, to: string): Promise<{ days: number; queued: boolean }> {
    // Days whose month of the activity log was dropped would be rolled up from nothing.
    const now = new Date(`${this.rollups.today()}T00:00:00Z`);
    const oldest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.config.analytics.retentionMonths, 1)).toISOString().slice(0, 10);
    if (from < oldest) throw ValidationError.field('from', `The activity log keeps ${this.config.analytics.retentionMonths} months: roll up days from ${oldest} on.`);
    const days = daysBetween(from, to);
    await this.rollups.markQueued(days);
    if (!this.boss) {
      await this.rollups.rollDays(days);
      return { days: days.length, queued: false };
    }
    await this.boss.send(ROLL_DAYS, { from, to }, { singletonKey: `${from}..${to}` });
    return { days: days.length, queued: true };
  }
}
