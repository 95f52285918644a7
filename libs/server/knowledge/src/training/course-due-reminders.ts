import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents, PeriodicJob } from '@commons/server-core';
import { KnowledgeEvent } from '../knowledge-events';
import { inBatches } from './training.service';
import { DUE_SOON_DAYS } from './training-states';

/** How often assignments coming due are looked for. */
const EVERY_MS = 10 * 60_000;
/** Assignments reminded per run; the rest on the next. */
const BATCH = 1000;

/**
 * Records CourseDueSoon once per unfinished assignment when its due date is DUE_SOON_DAYS away
 * (notifications turn it into reminders). Each assignment is claimed by one UPDATE, so with
 * several API instances it is reminded once; a new due date clears the claim.
 */
@Injectable()
export class CourseDueReminders extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {
    super('Reminding due assignments', EVERY_MS);
  }

  /** Reminds the assignments coming due; returns how many. */
  remindDue(): Promise<number> {
    return this.runNow();
  }

  protected work(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // As a SELECT over the UPDATE, so the driver answers with the rows themselves.
      const groups: Array<{ course_id: string; community_id: string | null; due_at: Date; account_ids: string[] }> = await manager.query(
        `WITH claimed AS (
           UPDATE training_enrolments SET reminded_at = now()
            WHERE id IN (SELECT e.id FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
                          WHERE e.completed_at IS NULL AND e.due_at IS NOT NULL AND e.reminded_at IS NULL
                            AND e.due_at > now() AND e.due_at <= now() + make_interval(days => ${DUE_SOON_DAYS})
                            AND c.state = 'PUBLISHED'
                          ORDER BY e.due_at LIMIT ${BATCH} FOR UPDATE OF e SKIP LOCKED)
            RETURNING course_id, assigned_community_id, due_at, account_id)
         SELECT course_id, assigned_community_id AS community_id, due_at, array_agg(account_id ORDER BY account_id) AS account_ids
           FROM claimed GROUP BY course_id, assigned_community_id, due_at`,
      );
      let reminded = 0;
      for (const group of groups) {
        reminded += group.account_ids.length;
        await this.events.record(
          manager,
          ...inBatches(group.account_ids, (ids) => ({
            type: KnowledgeEvent.CourseDueSoon,
            communityId: group.community_id,
            subjectId: group.course_id,
            payload: { courseId: group.course_id, accountIds: ids, dueAt: new Date(group.due_at).toISOString() },
          })),
        );
      }
      return reminded;
    });
  }
}
