import { Injectable } from '@nestjs/common';
import type { DailyRollup, RollupDay, RollupTransaction } from '../rollups/daily-rollup';
import { slicePeopleAt } from '../rollups/slice-people';
import { GOVERNANCE_DAILY_KEYS } from './governance-metrics';

const MODERATION_KINDS = `('MODERATION_DECISION', 'QUEUE_ENTERED', 'QUEUE_LEFT', 'APPEAL_DECIDED')`;
/** The day's rows, its bounds being parameters `from` and `from + 1`. */
const inDay = (from = 2) => `occurred_at >= $${from} AND occurred_at < $${from + 1}`;
const IN_DAY = inDay();

/**
 * The day's governance numbers. From the day's activity log: holds and rejections per community,
 * rule and action (moderation_rule_days, for moderationByRule), the review queue's items paired by
 * item id (moderation_reviews: entered and left, for review times), and the moderation volumes of
 * the organisation and every community. From the knowledge tables (read only), as of the day's
 * end: training completion and guideline acknowledgement per slice. Everything it writes for the
 * day is replaced (review items are upserted by id), so a day rolled twice gives the same rows.
 */
@Injectable()
export class GovernanceRollup implements DailyRollup {
  readonly name = 'governance';

  async rollDay(tx: RollupTransaction, { day, start, end }: RollupDay): Promise<number> {
    await tx.query('DELETE FROM moderation_rule_days WHERE day = $1', [day]);
    const [{ n: rules }] = await tx.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO moderation_rule_days (day, community_id, rule_id, action, count)
         SELECT $1::date, community_id, coalesce(detail->>'ruleId', ''), detail->>'action', count(*)
           FROM activity_log
          WHERE kind = 'MODERATION_DECISION' AND ${IN_DAY} AND community_id IS NOT NULL AND detail->>'action' IS NOT NULL
          GROUP BY 2, 3, 4
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, start, end],
    );

    // Items enter on one day and may leave on another: each side is written by its own day.
    await tx.query(
      `INSERT INTO moderation_reviews (item_id, community_id, source, entered_at)
       SELECT content_id, (array_agg(community_id))[1], (array_agg(detail->>'source' ORDER BY occurred_at))[1], min(occurred_at)
         FROM activity_log
        WHERE kind = 'QUEUE_ENTERED' AND ${inDay(1)} AND content_id IS NOT NULL AND community_id IS NOT NULL
        GROUP BY content_id
       ON CONFLICT (item_id) DO UPDATE SET source = EXCLUDED.source, entered_at = EXCLUDED.entered_at`,
      [start, end],
    );
    await tx.query(
      `INSERT INTO moderation_reviews (item_id, community_id, status, left_at)
       SELECT content_id, (array_agg(community_id))[1], (array_agg(detail->>'status' ORDER BY occurred_at DESC))[1], max(occurred_at)
         FROM activity_log
        WHERE kind = 'QUEUE_LEFT' AND ${inDay(1)} AND content_id IS NOT NULL AND community_id IS NOT NULL
        GROUP BY content_id
       ON CONFLICT (item_id) DO UPDATE SET status = EXCLUDED.status, left_at = EXCLUDED.left_at`,
      [start, end],
    );

    await tx.query('DELETE FROM metric_daily WHERE day = $1 AND metric = ANY($2)', [day, GOVERNANCE_DAILY_KEYS]);
    const [{ n: volumes }] = await tx.query<{ n: number }>(
      `WITH counts AS (
         SELECT CASE WHEN GROUPING(community_id) = 1 THEN 'ORGANISATION' ELSE 'COMMUNITY' END AS dim, coalesce(community_id::text, '') AS slice_id,
                count(*) FILTER (WHERE kind = 'MODERATION_DECISION' AND detail->>'action' = 'HOLD') AS holds,
                count(*) FILTER (WHERE kind = 'MODERATION_DECISION' AND detail->>'action' = 'REJECT') AS rejections,
                count(*) FILTER (WHERE kind = 'QUEUE_ENTERED') AS entered,
                count(*) FILTER (WHERE kind = 'QUEUE_LEFT') AS reviewed,
                count(*) FILTER (WHERE kind = 'APPEAL_DECIDED' AND detail->>'status' = 'UPHELD') AS upheld,
                count(*) FILTER (WHERE kind = 'APPEAL_DECIDED' AND detail->>'status' = 'OVERTURNED') AS overturned
           FROM activity_log
          WHERE kind IN ${MODERATION_KINDS} AND ${IN_DAY}
          GROUP BY GROUPING SETS ((community_id), ())),
       members AS (SELECT community_id, count(*) AS n FROM community_memberships WHERE joined_at < $3 GROUP BY community_id),
       slices AS (
         SELECT 'ORGANISATION' AS dim, '' AS slice_id, (SELECT count(*) FROM accounts WHERE created_at < $3) AS people
         UNION ALL
         SELECT 'COMMUNITY', c.id::text, coalesce(m.n, 0) FROM communities c LEFT JOIN members m ON m.community_id = c.id WHERE c.created_at < $3),
       inserted AS (
         INSERT INTO metric_daily (metric, slice_kind, slice_id, day, numerator, denominator, people)
         SELECT v.metric, s.dim, s.slice_id, $1::date, coalesce(v.num, 0), NULL, s.people
           FROM slices s
           LEFT JOIN counts c ON c.dim = s.dim AND c.slice_id = s.slice_id
          CROSS JOIN LATERAL (VALUES
            ('MODERATION_HOLDS', c.holds::float8),
            ('MODERATION_REJECTIONS', c.rejections),
            ('REVIEW_QUEUE_ENTRIES', c.entered),
            ('REVIEWS_COMPLETED', c.reviewed),
            ('APPEALS_UPHELD', c.upheld),
            ('APPEALS_OVERTURNED', c.overturned)
          ) AS v(metric, num)
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, start, end],
    );

    const [{ n: rates }] = await tx.query<{ n: number }>(
      `WITH people AS (${slicePeopleAt('$2')}),
       training AS (
         SELECT e.account_id, count(*) AS enrolled, count(*) FILTER (WHERE e.completed_at < $2) AS completed
           FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id AND c.state <> 'DRAFT'
          WHERE e.enrolled_at < $2
          GROUP BY e.account_id),
       acknowledged AS (
         SELECT guideline_id, account_id, max(version_number) AS version_number
           FROM guideline_acknowledgements WHERE acknowledged_at < $2 GROUP BY guideline_id, account_id),
       -- As the guideline compliance report counts it: active accounts of the guideline's audiences; the required version or a later one.
       guideline_people AS (
         SELECT a.id AS account_id, count(*) AS due, count(k.account_id) AS acknowledged
           FROM guidelines g
           JOIN accounts a ON a.audience = ANY(g.audiences) AND a.suspended_at IS NULL AND a.created_at < $2
           LEFT JOIN acknowledged k ON k.guideline_id = g.id AND k.account_id = a.id AND k.version_number >= g.required_number
          WHERE g.community_id IS NULL AND g.required_number IS NOT NULL
          GROUP BY a.id),
       slices AS (
         SELECT p.dim, p.slice_id, count(*) AS population,
                coalesce(sum(t.enrolled), 0) AS enrolled, coalesce(sum(t.completed), 0) AS completed,
                coalesce(sum(g.due), 0) AS due, coalesce(sum(g.acknowledged), 0) AS acknowledged
           FROM people p
           LEFT JOIN training t ON t.account_id = p.account_id
           LEFT JOIN guideline_people g ON g.account_id = p.account_id
          GROUP BY p.dim, p.slice_id),
       inserted AS (
         INSERT INTO metric_daily (metric, slice_kind, slice_id, day, numerator, denominator, people)
         SELECT v.metric, s.dim, s.slice_id, $1::date, v.num, v.den, s.population
           FROM slices s
          CROSS JOIN LATERAL (VALUES
            ('TRAINING_COMPLETION_RATIO', s.completed::float8, s.enrolled::float8),
            ('GUIDELINE_ACKNOWLEDGEMENT_RATE', s.acknowledged, s.due)
          ) AS v(metric, num, den)
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, end],
    );
    return rules + volumes + rates;
  }
}
