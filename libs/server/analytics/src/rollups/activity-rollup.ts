import { Injectable } from '@nestjs/common';
import { PLATFORM_COMMUNITY } from '../activity/activity-kinds';
import { ACTIVITY_METRIC_KEYS } from './activity-metrics';
import type { DailyRollup, RollupDay, RollupTransaction } from './daily-rollup';
import { MetricDimension } from '../metrics/metric-definition';
import { slicePeopleAt } from './slice-people';

/** Slices of people by who they are; communities are sliced by where the activity happened. */
const PEOPLE_DIMENSIONS = [MetricDimension.Organisation, MetricDimension.Department, MetricDimension.Audience, MetricDimension.Cohort];

const POSTS = 'threads + replies + blog_posts + comments';

/** Per account over the 30 days ending on the day ($1): the facts every people-metric needs. */
const PER_PERSON = (groupBy: string) => `
  SELECT ${groupBy},
         bool_or(day = $1::date) AS d1,
         bool_or(day > $1::date - 7) AS d7,
         bool_or(${POSTS} > 0) AS contributor,
         sum(${POSTS}) AS posts30,
         sum(threads) FILTER (WHERE day = $1::date) AS threads,
         sum(replies) FILTER (WHERE day = $1::date) AS replies,
         sum(blog_posts) FILTER (WHERE day = $1::date) AS blog_posts,
         sum(comments) FILTER (WHERE day = $1::date) AS comments,
         sum(reactions) FILTER (WHERE day = $1::date) AS reactions,
         sum(views) FILTER (WHERE day = $1::date) AS views,
         sum(flags) FILTER (WHERE day = $1::date) AS flags,
         sum(acknowledgements) FILTER (WHERE day = $1::date) AS acknowledgements,
         sum(course_completions) FILTER (WHERE day = $1::date) AS course_completions,
         sum(joins) FILTER (WHERE day = $1::date) AS joins
    FROM activity_days
   WHERE day > $1::date - 30 AND day <= $1::date`;

/** The slice's totals from per-person rows `a` (null when inactive) and their accounts `acc`. */
const TOTALS = `
  count(a.d1) AS mau,
  count(*) FILTER (WHERE a.d7) AS wau,
  count(*) FILTER (WHERE a.d1) AS dau,
  count(*) FILTER (WHERE a.contributor) AS contributors,
  coalesce(sum(a.posts30), 0) AS posts30,
  count(DISTINCT acc.department) FILTER (WHERE a.d1 IS NOT NULL AND acc.department <> '') AS departments,
  coalesce(sum(a.threads), 0) AS threads,
  coalesce(sum(a.replies), 0) AS replies,
  coalesce(sum(a.blog_posts), 0) AS blog_posts,
  coalesce(sum(a.comments), 0) AS comments,
  coalesce(sum(a.reactions), 0) AS reactions,
  coalesce(sum(a.views), 0) AS views,
  coalesce(sum(a.flags), 0) AS flags,
  coalesce(sum(a.acknowledgements), 0) AS acknowledgements,
  coalesce(sum(a.course_completions), 0) AS course_completions,
  coalesce(sum(a.joins), 0) AS joins`;

/**
 * The day's activity per person and community (activity_days, from the day's partition of the
 * log), then adoption, engagement and governance volumes per slice: the organisation, each
 * department, audience and cohort (people's activity anywhere), and each community (activity in
 * it; its members for the members ratio). Rolling windows (7 and 30 days) read activity_days, never
 * the log. Slices are as they are today: a person who moved department counts in the new one.
 */
@Injectable()
export class ActivityRollup implements DailyRollup {
  readonly name = 'activity';

  async rollDay(tx: RollupTransaction, { day, start, end }: RollupDay): Promise<number> {
    await tx.query('DELETE FROM activity_days WHERE day = $1', [day]);
    const [{ n: days }] = await tx.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO activity_days (day, community_id, account_id, threads, replies, blog_posts, comments, reactions, accepted_answers, views, flags, acknowledgements, course_completions, joins, leaves)
         SELECT $1::date, coalesce(community_id, '${PLATFORM_COMMUNITY}'), account_id,
                count(*) FILTER (WHERE kind = 'THREAD'),
                count(*) FILTER (WHERE kind = 'REPLY'),
                count(DISTINCT subject_id) FILTER (WHERE kind = 'BLOG_POST'),
                count(*) FILTER (WHERE kind = 'COMMENT'),
                count(*) FILTER (WHERE kind = 'REACTION'),
                count(*) FILTER (WHERE kind = 'ACCEPTED_ANSWER'),
                count(*) FILTER (WHERE kind = 'VIEW'),
                count(*) FILTER (WHERE kind = 'FLAG'),
                count(*) FILTER (WHERE kind = 'ACKNOWLEDGEMENT'),
                count(*) FILTER (WHERE kind = 'COURSE_COMPLETION'),
                count(*) FILTER (WHERE kind = 'JOIN'),
                count(*) FILTER (WHERE kind = 'LEAVE')
           FROM activity_log
          WHERE occurred_at >= $2 AND occurred_at < $3 AND account_id IS NOT NULL
          GROUP BY 2, 3
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, start, end],
    );

    await tx.query('DELETE FROM metric_daily WHERE day = $1 AND metric = ANY($2)', [day, ACTIVITY_METRIC_KEYS]);
    const [{ n: metrics }] = await tx.query<{ n: number }>(
      `WITH person AS (${PER_PERSON('account_id')} GROUP BY account_id),
            slice_people AS (${slicePeopleAt('$2', PEOPLE_DIMENSIONS)}),
            people_slices AS (
              SELECT p.dim, p.slice_id, count(*) AS population, count(*) FILTER (WHERE a.d1 IS NOT NULL) AS active_members, ${TOTALS}
                FROM slice_people p
                JOIN accounts acc ON acc.id = p.account_id
                LEFT JOIN person a ON a.account_id = p.account_id
               GROUP BY p.dim, p.slice_id),
            community_person AS (${PER_PERSON('community_id, account_id')} AND community_id <> '${PLATFORM_COMMUNITY}' GROUP BY community_id, account_id),
            community_rows AS (
              SELECT coalesce(a.community_id, m.community_id) AS community_id, coalesce(a.account_id, m.account_id) AS account_id,
                     m.account_id IS NOT NULL AS is_member, a.d1, a.d7, a.contributor, a.posts30, a.threads, a.replies, a.blog_posts,
                     a.comments, a.reactions, a.views, a.flags, a.acknowledgements, a.course_completions, a.joins
                FROM community_person a
                FULL JOIN (SELECT community_id, account_id FROM community_memberships WHERE joined_at < $2) m
                  ON m.community_id = a.community_id AND m.account_id = a.account_id),
            community_slices AS (
              SELECT 'COMMUNITY' AS dim, a.community_id::text AS slice_id,
                     count(*) FILTER (WHERE a.is_member) AS population,
                     count(*) FILTER (WHERE a.is_member AND a.d1 IS NOT NULL) AS active_members, ${TOTALS}
                FROM community_rows a
                JOIN accounts acc ON acc.id = a.account_id
               GROUP BY a.community_id),
            slices AS (SELECT * FROM people_slices UNION ALL SELECT * FROM community_slices),
            inserted AS (
              INSERT INTO metric_daily (metric, slice_kind, slice_id, day, numerator, denominator, people)
              SELECT m.metric, s.dim, s.slice_id, $1::date, m.num, m.den, s.population
                FROM slices s
               CROSS JOIN LATERAL (VALUES
                 ('DAILY_ACTIVE_USERS', s.dau::float8, NULL::float8),
                 ('WEEKLY_ACTIVE_USERS', s.wau, NULL),
                 ('MONTHLY_ACTIVE_USERS', s.mau, NULL),
                 ('STICKINESS', s.dau, s.mau),
                 ('MONTHLY_ACTIVE_MEMBERS_RATIO', s.active_members, s.population),
                 ('NEW_MEMBERS', s.joins, NULL),
                 ('CONTRIBUTORS', s.contributors, NULL),
                 ('CONTRIBUTOR_RATIO', s.contributors, s.mau),
                 ('POSTS_PER_ACTIVE_MEMBER', s.posts30, s.mau),
                 ('DEPARTMENTS_COVERED', s.departments, NULL),
                 ('THREADS', s.threads, NULL),
                 ('REPLIES', s.replies, NULL),
                 ('BLOG_POSTS', s.blog_posts, NULL),
                 ('COMMENTS', s.comments, NULL),
                 ('POSTS', s.threads + s.replies + s.blog_posts + s.comments, NULL),
                 ('REACTIONS', s.reactions, NULL),
                 ('VIEWS', s.views, NULL),
                 ('REPLIES_PER_THREAD', s.replies, s.threads),
                 ('FLAGS', s.flags, NULL),
                 ('FLAG_RATE', s.flags, s.threads + s.replies + s.blog_posts + s.comments),
                 ('GUIDELINE_ACKNOWLEDGEMENTS', s.acknowledgements, NULL),
                 ('COURSE_COMPLETIONS', s.course_completions, NULL)
               ) AS m(metric, num, den)
               WHERE NOT (m.metric = 'DEPARTMENTS_COVERED' AND s.dim = 'DEPARTMENT')
              RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [day, end],
    );
    return days + metrics;
  }
}
