import { Injectable } from '@nestjs/common';
import type { DailyRollup, RollupDay, RollupTransaction } from '../rollups/daily-rollup';

/**
 * Keeps conversation_facts: for every forum thread with a THREAD or REPLY in the day's activity,
 * its whole conversation read again from the log by subject (the partial index
 * activity_log_conversation): start, last reply, replies and distinct participants (the author
 * and everyone who replied). Only the threads touched that day are read, so adding a day never
 * recomputes history; facts are the thread's state in the log, so rolling any day again gives the
 * same rows. Facts never shrink: once the log's oldest months are dropped, what they held stays.
 * Writes no metric_daily rows: its metrics are computed on read (see ConversationReader).
 */
@Injectable()
export class ConversationRollup implements DailyRollup {
  readonly name = 'conversations';

  async rollDay(tx: RollupTransaction, { start, end }: RollupDay): Promise<number> {
    const [{ n }] = await tx.query<{ n: number }>(
      `WITH touched AS (
         SELECT DISTINCT subject_id FROM activity_log
          WHERE occurred_at >= $1 AND occurred_at < $2 AND kind IN ('THREAD', 'REPLY') AND subject_id IS NOT NULL),
       log AS (
         SELECT l.* FROM touched t
           JOIN activity_log l ON l.subject_id = t.subject_id AND l.kind IN ('THREAD', 'REPLY')),
       facts AS (
         SELECT subject_id AS thread_id,
                (array_agg(community_id ORDER BY occurred_at) FILTER (WHERE community_id IS NOT NULL))[1] AS community_id,
                (array_agg(account_id ORDER BY occurred_at) FILTER (WHERE kind = 'THREAD'))[1] AS starter_id,
                min(occurred_at) FILTER (WHERE kind = 'THREAD') AS started_at,
                max(occurred_at) FILTER (WHERE kind = 'REPLY') AS last_reply_at,
                count(*) FILTER (WHERE kind = 'REPLY')::int AS replies,
                coalesce(array_agg(DISTINCT account_id) FILTER (WHERE account_id IS NOT NULL), '{}') AS participant_ids
           FROM log GROUP BY subject_id),
       upserted AS (
         INSERT INTO conversation_facts AS f (thread_id, community_id, starter_id, started_at, last_reply_at, replies, participants, participant_ids)
         SELECT thread_id, community_id, starter_id, started_at, last_reply_at, replies, cardinality(participant_ids), participant_ids
           FROM facts WHERE started_at IS NOT NULL AND community_id IS NOT NULL
         ON CONFLICT (thread_id) DO UPDATE SET
           started_at = least(f.started_at, EXCLUDED.started_at),
           starter_id = coalesce(EXCLUDED.starter_id, f.starter_id),
           last_reply_at = greatest(f.last_reply_at, EXCLUDED.last_reply_at),
           replies = greatest(f.replies, EXCLUDED.replies),
           participant_ids = ARRAY(SELECT DISTINCT u FROM unnest(f.participant_ids || EXCLUDED.participant_ids) AS u ORDER BY u),
           participants = cardinality(ARRAY(SELECT DISTINCT u FROM unnest(f.participant_ids || EXCLUDED.participant_ids) AS u))
         RETURNING 1)
       SELECT count(*)::int AS n FROM upserted`,
      [start, end],
    );
    return n;
  }
}
