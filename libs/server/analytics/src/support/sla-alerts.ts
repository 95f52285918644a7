import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents } from '@commons/server-core';
import type { BackgroundTask } from '../rollups/analytics-jobs';
import { OPEN_QUESTION } from './support-sla.service';

/** The event an SLA breach records: the notifications consumer tells the community's managers. */
export const SLA_BREACHED = 'analytics.sla.breached';
/**
 * Only questions that breached in the last week are alerted: setting an SLA on a community with
 * an old backlog shows that backlog on the dashboard instead of flooding its managers.
 */
const ALERT_WINDOW = "interval '7 days'";

/**
 * Every 5 minutes (and when tests call `check`): questions still open past their community's
 * first-response SLA and not alerted yet are recorded as alerted (once per question, ever: the
 * alert table's key) and an `analytics.sla.breached` event per question is recorded in the same
 * transaction; the relay's notification consumer turns it into SLA_BREACHED notifications for the
 * community's managers. Two instances checking at once alert each question once.
 */
@Injectable()
export class SlaAlerts implements BackgroundTask {
  readonly name = 'support-sla-alerts';
  private readonly logger = new Logger('SlaAlerts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  run(): Promise<number> {
    return this.check();
  }

  /** Alerts the questions that breached since the last check; returns how many. */
  async check(now: Date = this.clock.now()): Promise<number> {
    const alerted = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ thread_id: string; community_id: string; threshold_minutes: number; minutes: number }> = await manager.query(
        `WITH due AS (
           SELECT q.thread_id, q.community_id, s.first_response_minutes AS threshold_minutes,
                  floor(extract(epoch FROM $1 - q.asked_at) / 60)::int AS minutes
             FROM support_slas s
             JOIN support_questions q ON q.community_id = s.community_id
            WHERE ${OPEN_QUESTION}
              AND q.asked_at <= $1::timestamptz - s.first_response_minutes * interval '1 minute'
              AND q.asked_at > $1::timestamptz - s.first_response_minutes * interval '1 minute' - ${ALERT_WINDOW}),
         inserted AS (
           INSERT INTO support_sla_alerts (thread_id, community_id, threshold_minutes, alerted_at)
           SELECT thread_id, community_id, threshold_minutes, $1 FROM due
           ON CONFLICT (thread_id) DO NOTHING RETURNING thread_id)
         SELECT due.* FROM due JOIN inserted USING (thread_id) ORDER BY due.minutes DESC`,
        [now],
      );
      if (rows.length > 0) {
        await this.events.record(
          manager,
          ...rows.map((r) => ({
            type: SLA_BREACHED,
            communityId: r.community_id,
            subjectId: r.thread_id,
            payload: { threadId: r.thread_id, minutes: r.minutes, thresholdMinutes: r.threshold_minutes },
          })),
        );
      }
      return rows.length;
    });
    if (alerted > 0) this.logger.log({ alerted }, 'Questions past their SLA alerted');
    return alerted;
  }
}
