import { Injectable } from '@nestjs/common';
import type { DailyRollup, RollupDay, RollupTransaction } from '../rollups/daily-rollup';
import { slicePopulationAt } from '../rollups/slice-people';
import { ListeningScorer } from './listening-scorer';
import { LISTENING_METRIC_KEYS } from './listening-metrics';
import { MAX_POST_SCORE } from './post-analyzer';

/**
 * The day's listening: first brings the day's scores up to date (ListeningScorer.scoreDay), then
 * writes sentiment and share-of-voice metrics per slice — the organisation; each community (posts
 * written in it); each department, audience and cohort (posts by its people, as they are today) —
 * and the day's topics (tags and key phrases per community) for trending topics. Replaces its own
 * rows for the day, so running a day again gives the same rows.
 */
@Injectable()
export class ListeningRollup implements DailyRollup {
  readonly name = 'listening';

  constructor(private readonly scorer: ListeningScorer) {}

  async rollDay(tx: RollupTransaction, { day, start, end }: RollupDay): Promise<number> {
    await this.scorer.scoreDay(tx, start, end);

    await tx.query('DELETE FROM metric_daily WHERE day = $1 AND metric = ANY($2)', [day, LISTENING_METRIC_KEYS]);
    const [{ n: metrics }] = await tx.query<{ n: number }>(
      `WITH posts AS (
              SELECT s.community_id, s.author_id, greatest(-${MAX_POST_SCORE}, least(${MAX_POST_SCORE}, s.score)) AS score,
                     s.own_mentions, s.competitor_mentions, s.cross_links
                FROM listening_scores s WHERE s.created_at >= $2 AND s.created_at < $3),
            post_slices AS (
              SELECT p.*, x.dim, x.slice_id
                FROM posts p
                JOIN accounts acc ON acc.id = p.author_id
               CROSS JOIN LATERAL (VALUES ('ORGANISATION', ''), ('COMMUNITY', p.community_id::text), ('DEPARTMENT', acc.department), ('AUDIENCE', acc.audience::text)) AS x(dim, slice_id)
               WHERE x.slice_id IS NOT NULL AND (x.slice_id <> '' OR x.dim = 'ORGANISATION')
              UNION ALL
              SELECT p.*, 'COHORT', m.cohort_id::text FROM posts p JOIN cohort_members m ON m.account_id = p.author_id AND m.added_at < $3),
            totals AS (
              SELECT dim, slice_id, count(*) AS posts, sum(score) AS score,
                     count(*) FILTER (WHERE score > 0) AS positive, count(*) FILTER (WHERE score < 0) AS negative,
                     sum(own_mentions) AS own, sum(competitor_mentions) AS competitor, sum(cross_links) AS cross_links,
                     count(DISTINCT author_id) AS authors
                FROM post_slices GROUP BY dim, slice_id),
            population AS (${slicePopulationAt('$3')}),
            slices AS (
              -- Who the numbers are about: the slice's people, or only those who wrote that day (a
              -- community's one poster's sentiment would otherwise show through its member count).
              SELECT coalesce(p.dim, t.dim) AS dim, coalesce(p.slice_id, t.slice_id) AS slice_id,
                     CASE WHEN t.posts > 0 THEN least(coalesce(p.people, 0), t.authors) ELSE coalesce(p.people, 0) END AS people,
                     coalesce(t.posts, 0)::float8 AS posts, coalesce(t.score, 0)::float8 AS score,
                     coalesce(t.positive, 0)::float8 AS positive, coalesce(t.negative, 0)::float8 AS negative,
                     coalesce(t.own, 0)::float8 AS own, coalesce(t.competitor, 0)::float8 AS competitor,
                     coalesce(t.cross_links, 0)::float8 AS cross_links
                FROM population p FULL JOIN totals t ON t.dim = p.dim AND t.slice_id = p.slice_id),
            inserted AS (
              INSERT INTO metric_daily (metric, slice_kind, slice_id, day, numerator, denominator, people)
              SELECT m.metric, s.dim, s.slice_id, $1::date, m.num, m.den, s.people
                FROM slices s
               CROSS JOIN LATERAL (VALUES
                 ('AVERAGE_SENTIMENT', s.score, s.posts),
                 ('POSITIVE_SHARE', s.positive, s.posts),
                 ('NEGATIVE_SHARE', s.negative, s.posts),
                 ('OWN_MENTIONS', s.own, NULL::float8),
                 ('COMPETITOR_MENTIONS', s.competitor, NULL::float8),
                 ('SHARE_OF_VOICE', s.own, s.own + s.competitor),
                 ('CROSS_LINKS', s.cross_links, NULL::float8)
               ) AS m(metric, num, den)
              RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, start, end],
    );

    await tx.query('DELETE FROM listening_topics_daily WHERE day = $1', [day]);
    const [{ n: topics }] = await tx.query<{ n: number }>(
      `WITH mentions AS (
              SELECT s.community_id, s.author_id, 'TAG' AS kind, tag AS topic
                FROM listening_scores s CROSS JOIN unnest(s.tags) AS tag
               WHERE s.created_at >= $2 AND s.created_at < $3
              UNION ALL
              SELECT s.community_id, s.author_id, 'PHRASE', phrase
                FROM listening_scores s CROSS JOIN unnest(s.phrases) AS phrase
               WHERE s.created_at >= $2 AND s.created_at < $3),
            inserted AS (
              INSERT INTO listening_topics_daily (day, community_id, kind, topic, mentions, people, authors)
              SELECT $1::date, community_id, kind, topic, count(*), count(DISTINCT author_id), array_agg(DISTINCT author_id)
                FROM mentions GROUP BY community_id, kind, topic
              RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, start, end],
    );
    return metrics + topics;
  }
}
