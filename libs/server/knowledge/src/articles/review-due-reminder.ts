import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents, PeriodicJob } from '@commons/server-core';
import { KnowledgeEvent } from '../knowledge-events';

/** How often overdue articles are looked for. */
const EVERY_MS = 10 * 60_000;
/** Articles reminded per run; the rest on the next. */
const BATCH = 200;

/**
 * Tells owners when an article's review is due, once per due date: each article is claimed by
 * one UPDATE that records the due date it reminded for (SKIP LOCKED), so with several API
 * instances the reminder is recorded once; marking the article reviewed moves the due date on,
 * which arms the next reminder.
 */
@Injectable()
export class ReviewDueReminder extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {
    super('Reminding of due article reviews', EVERY_MS);
  }

  /** Records the reminders of articles whose review came due; returns how many. */
  remindDue(): Promise<number> {
    return this.runNow();
  }

  protected work(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; community_id: string | null; owner_ids: string[] }> = await manager.query(
        `WITH claimed AS (
           UPDATE knowledge_articles SET review_reminded_for = review_due_at
            WHERE id IN (SELECT id FROM knowledge_articles
                          WHERE state <> 'ARCHIVED' AND published_version > 0 AND review_due_at <= now()
                            AND review_reminded_for IS DISTINCT FROM review_due_at
                          ORDER BY review_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING id, community_id, owner_ids)
         SELECT * FROM claimed`,
      );
      if (rows.length === 0) return 0;
      await this.events.record(
        manager,
        ...rows.map((r) => ({ type: KnowledgeEvent.ArticleReviewDue, communityId: r.community_id, subjectId: r.id, payload: { articleId: r.id, ownerIds: r.owner_ids } })),
      );
      return rows.length;
    });
  }
}
