import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, NotFoundError, ValidationError, type AppConfig, type Viewer } from '@commons/server-core';
import { MetricUnit } from '../metrics/metric-definition';
import { checkRange, MetricsService } from '../metrics/metrics.service';
import type { ComparedGroupType, ComparedMeasureType, GroupComparisonType } from './dto/comparison.types';

/** A per-person measure both groups are compared on; `column` names its aggregate in the statement below. */
interface Measure {
  key: string;
  name: string;
  description: string;
  unit: typeof MetricUnit.Average | typeof MetricUnit.Ratio;
  column: keyof GroupRow;
}

const perPerson = (key: string, name: string, what: string, column: keyof GroupRow): Measure => ({
  key,
  name: `${name} per person`,
  description: `${what} in the period, divided by the people in the group (everyone counts, including those who did nothing).`,
  unit: MetricUnit.Average,
  column,
});

/** What groups are compared on: every per-person measure the daily activity rollup (activity_days) allows. */
export const COMPARED_MEASURES: readonly Measure[] = [
  perPerson('ACTIVE_DAYS', 'Active days', 'Days with any activity on the platform (signing in, reading, writing, reacting, joining…)', 'active_days'),
  perPerson('POSTS', 'Posts', 'Threads, replies, blog posts and comments written', 'posts'),
  {
    key: 'SHARE_ACTIVE',
    name: 'Share active',
    description: 'The share of the group with at least one active day in the period.',
    unit: MetricUnit.Ratio,
    column: 'share_active',
  },
  {
    key: 'CONTRIBUTOR_SHARE',
    name: 'Share who wrote',
    description: 'The share of the group who wrote at least one thread, reply, blog post or comment in the period.',
    unit: MetricUnit.Ratio,
    column: 'contributor_share',
  },
  perPerson('THREADS', 'Threads', 'Forum threads started', 'threads'),
  perPerson('REPLIES', 'Replies', 'Forum replies written', 'replies'),
  perPerson('BLOG_POSTS', 'Blog posts', 'Blog posts published', 'blog_posts'),
  perPerson('COMMENTS', 'Comments', 'Blog comments written', 'comments'),
  perPerson('REACTIONS', 'Reactions', 'Reactions given', 'reactions'),
  perPerson('ACCEPTED_ANSWERS', 'Accepted answers', 'Answers accepted (as the one who accepted)', 'accepted_answers'),
  perPerson('VIEWS', 'Views', 'Threads and articles read (one per thing and day)', 'views'),
];

interface GroupRow {
  in_group: boolean;
  people: number;
  active_days: string | null;
  posts: string | null;
  share_active: string | null;
  contributor_share: string | null;
  threads: string | null;
  replies: string | null;
  blog_posts: string | null;
  comments: string | null;
  reactions: string | null;
  accepted_answers: string | null;
  views: string | null;
}

/** From per-group `people(account_id, in_group)`: each group's per-person averages over the days $1..$2. */
const GROUP_STATS = `
  per_person AS (
    SELECT p.account_id, p.in_group,
           count(DISTINCT a.day) AS active_days,
           coalesce(sum(a.threads + a.replies + a.blog_posts + a.comments), 0) AS posts,
           coalesce(sum(a.threads), 0) AS threads, coalesce(sum(a.replies), 0) AS replies,
           coalesce(sum(a.blog_posts), 0) AS blog_posts, coalesce(sum(a.comments), 0) AS comments,
           coalesce(sum(a.reactions), 0) AS reactions, coalesce(sum(a.accepted_answers), 0) AS accepted_answers,
           coalesce(sum(a.views), 0) AS views
      FROM people p
      LEFT JOIN activity_days a ON a.account_id = p.account_id AND a.day BETWEEN $1::date AND $2::date
     GROUP BY p.account_id, p.in_group)
  SELECT in_group, count(*)::int AS people,
         avg(active_days) AS active_days, avg(posts) AS posts,
         avg((active_days > 0)::int) AS share_active, avg((posts > 0)::int) AS contributor_share,
         avg(threads) AS threads, avg(replies) AS replies, avg(blog_posts) AS blog_posts, avg(comments) AS comments,
         avg(reactions) AS reactions, avg(accepted_answers) AS accepted_answers, avg(views) AS views
    FROM per_person GROUP BY in_group`;

/** The end of the organisation's day `day` (the next day's midnight there), as SQL for parameter `$n`. */
const endOf = (n: number, tz: number) => `(($${n}::date + 1)::timestamp AT TIME ZONE $${tz})`;

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Pilot cohort against comparable people, and trained against not trained, on the same per-person
 * measures over the same days, from activity_days (activity anywhere on the platform). Groups are
 * taken as they are today (a cohort's members now); any group of fewer people than the minimum
 * group size has its values suppressed. For the steering committee.
 */
@Injectable()
export class GroupComparisonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * The cohort's members against comparable non-members: accounts of the same audience and
   * department (as pairs: a cohort of sales employees is compared with other sales employees, not
   * with every employee) as at least one member, who are not in the cohort, with an account before
   * the period ended.
   */
  async pilot(viewer: Viewer, input: { cohortId: string; from: string; to: string; metrics?: readonly string[] | null }): Promise<GroupComparisonType> {
    this.metrics.assertOrganisation(viewer);
    const range = checkRange(input.from, input.to);
    const measures = pickMeasures(input.metrics);
    const [cohort]: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM cohorts WHERE id = $1', [input.cohortId]);
    if (!cohort) throw new NotFoundError('The cohort');
    const rows: GroupRow[] = await this.dataSource.query(
      `WITH members AS (SELECT account_id FROM cohort_members WHERE cohort_id = $3),
            pairs AS (SELECT DISTINCT acc.audience, acc.department FROM accounts acc JOIN members m ON m.account_id = acc.id),
            people AS (
              SELECT account_id, true AS in_group FROM members
              UNION ALL
              SELECT acc.id, false FROM accounts acc
                JOIN pairs p ON p.audience = acc.audience AND p.department IS NOT DISTINCT FROM acc.department
               WHERE acc.created_at < ${endOf(2, 4)} AND NOT EXISTS (SELECT 1 FROM members m WHERE m.account_id = acc.id)),
       ${GROUP_STATS}`,
      [range.from, range.to, input.cohortId, this.config.timeZone],
    );
    return this.compare(range, measures, rows, {
      group: { label: cohort.name, definition: 'The cohort’s members.' },
      others: {
        label: 'Comparable non-members',
        definition: 'People not in the cohort who share an audience and department with at least one of its members, with an account before the period ended.',
      },
    });
  }

  /**
   * People who completed the course (any course when none is named) before the period ended,
   * against people who had not: those of the course's audiences (or, for any course, of the
   * audiences of the people who completed one) with an account before the period ended.
   */
  async training(viewer: Viewer, input: { courseId?: string | null; from: string; to: string; metrics?: readonly string[] | null }): Promise<GroupComparisonType> {
    this.metrics.assertOrganisation(viewer);
    const range = checkRange(input.from, input.to);
    const measures = pickMeasures(input.metrics);
    const courseId = input.courseId ?? null;
    let title: string | null = null;
    if (courseId) {
      const [course]: Array<{ title: string }> = await this.dataSource.query('SELECT title FROM training_courses WHERE id = $1', [courseId]);
      if (!course) throw new NotFoundError('The course');
      title = course.title;
    }
    const rows: GroupRow[] = await this.dataSource.query(
      `WITH trained AS (
              SELECT DISTINCT account_id FROM training_enrolments
               WHERE completed_at < ${endOf(2, 4)} AND ($3::uuid IS NULL OR course_id = $3::uuid)),
            audiences AS (
              SELECT unnest(audiences) AS audience FROM training_courses WHERE id = $3::uuid
              UNION
              SELECT acc.audience FROM accounts acc JOIN trained t ON t.account_id = acc.id WHERE $3::uuid IS NULL),
            people AS (
              SELECT account_id, true AS in_group FROM trained
              UNION ALL
              SELECT acc.id, false FROM accounts acc
               WHERE acc.audience IN (SELECT audience FROM audiences) AND acc.created_at < ${endOf(2, 4)}
                 AND NOT EXISTS (SELECT 1 FROM trained t WHERE t.account_id = acc.id)),
       ${GROUP_STATS}`,
      [range.from, range.to, courseId, this.config.timeZone],
    );
    const course = title ? `“${title}”` : 'a course';
    return this.compare(range, measures, rows, {
      group: { label: 'Trained', definition: `People who completed ${course} before the period ended.` },
      others: {
        label: 'Not trained',
        definition: `People who had not, of the ${title ? 'course’s audiences' : 'audiences of those who did'}, with an account before the period ended.`,
      },
    });
  }

  private compare(
    range: { from: string; to: string },
    measures: readonly Measure[],
    rows: readonly GroupRow[],
    labels: Record<'group' | 'others', { label: string; definition: string }>,
  ): GroupComparisonType {
    const min = this.config.analytics.minGroupSize;
    const side = (inGroup: boolean) => {
      const row = rows.find((r) => r.in_group === inGroup);
      const people = row?.people ?? 0;
      return { row: row && people >= min ? row : null, people, suppressed: people < min };
    };
    const group = side(true);
    const others = side(false);
    const info = (s: ReturnType<typeof side>, which: 'group' | 'others'): ComparedGroupType => ({
      ...labels[which],
      people: s.suppressed ? null : s.people,
      suppressed: s.suppressed,
    });
    return {
      ...range,
      group: info(group, 'group'),
      others: info(others, 'others'),
      measures: measures.map((m): ComparedMeasureType => {
        // Rounded for showing only: the differences come from the exact values.
        const a = group.row ? Number(group.row[m.column] ?? 0) : null;
        const b = others.row ? Number(others.row[m.column] ?? 0) : null;
        return {
          key: m.key,
          name: m.name,
          description: m.description,
          unit: m.unit,
          group: a === null ? null : round(a),
          others: b === null ? null : round(b),
          difference: a !== null && b !== null ? round(a - b) : null,
          relativeDifference: a !== null && b !== null && b !== 0 ? round((a - b) / b) : null,
        };
      }),
    };
  }
}

function pickMeasures(keys: readonly string[] | null | undefined): readonly Measure[] {
  if (!keys || keys.length === 0) return COMPARED_MEASURES;
  return keys.map((key, i) => {
    const measure = COMPARED_MEASURES.find((m) => m.key === key);
    if (!measure) throw ValidationError.field(`metrics.${i}`, `Unknown measure "${key}". Valid measures: ${COMPARED_MEASURES.map((m) => m.key).join(', ')}.`);
    return measure;
  });
}
