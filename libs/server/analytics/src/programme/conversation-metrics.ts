import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ALL_BUCKETS,
  ALL_DIMENSIONS,
  MetricCategory,
  MetricCombine,
  MetricDimension,
  MetricDirection,
  MetricUnit,
  type MetricDefinition,
} from '../metrics/metric-definition';
import type { BreakdownRequest, MetricReader, MetricValueRow, SeriesRequest } from '../metrics/metric-readers';

const CONVERSATION = 'a forum thread with at least one reply, counted in the bucket it was started in';

/** Engagement duration: how long conversations stay alive and whom they draw (from conversation_facts). */
export const CONVERSATION_METRICS: readonly MetricDefinition[] = [
  {
    key: 'MEDIAN_CONVERSATION_HOURS',
    name: 'Conversation duration (median)',
    description: `How long a conversation stays alive: hours from a thread's first post to its last reply, for the middle conversation. A conversation is ${CONVERSATION}; threads no one replied to are left out.`,
    formula: 'median over threads started in the bucket with ≥ 1 reply of (last reply − thread start) in hours',
    category: MetricCategory.Engagement,
    unit: MetricUnit.Average,
    direction: MetricDirection.HigherIsBetter,
    buckets: ALL_BUCKETS,
    dimensions: ALL_DIMENSIONS,
    combine: MetricCombine.Mean,
    source: 'READER',
  },
  {
    key: 'PARTICIPANTS_PER_THREAD',
    name: 'Participants per conversation',
    description: `How many different people a conversation draws on average: its author and everyone who replied. A conversation is ${CONVERSATION}.`,
    formula: 'distinct participants (author + repliers) summed over threads started in the bucket with ≥ 1 reply ÷ those threads',
    category: MetricCategory.Engagement,
    unit: MetricUnit.Average,
    direction: MetricDirection.HigherIsBetter,
    buckets: ALL_BUCKETS,
    dimensions: ALL_DIMENSIONS,
    combine: MetricCombine.Ratio,
    source: 'READER',
  },
];

export const CONVERSATION_METRIC_KEYS = CONVERSATION_METRICS.map((m) => m.key);

/** Slices by the thread's community, or by its author (department, audience, cohort). */
const SLICE_FILTER: Record<MetricDimension, string> = {
  [MetricDimension.Organisation]: 'true',
  [MetricDimension.Community]: 'f.community_id::text = $4',
  [MetricDimension.Department]: 'EXISTS (SELECT 1 FROM accounts acc WHERE acc.id = f.starter_id AND acc.department = $4)',
  [MetricDimension.Audience]: 'EXISTS (SELECT 1 FROM accounts acc WHERE acc.id = f.starter_id AND acc.audience::text = $4)',
  [MetricDimension.Cohort]: 'EXISTS (SELECT 1 FROM cohort_members cm WHERE cm.account_id = f.starter_id AND cm.cohort_id::text = $4)',
};

const SLICE_OF: Record<Exclude<MetricDimension, 'ORGANISATION'>, { join: string; id: string }> = {
  [MetricDimension.Community]: { join: '', id: 'f.community_id::text' },
  [MetricDimension.Department]: { join: 'JOIN accounts acc ON acc.id = f.starter_id', id: 'acc.department' },
  [MetricDimension.Audience]: { join: 'JOIN accounts acc ON acc.id = f.starter_id', id: 'acc.audience::text' },
  [MetricDimension.Cohort]: { join: 'JOIN cohort_members cm ON cm.account_id = f.starter_id', id: 'cm.cohort_id::text' },
};

/** Conversations started in the range $1..$2 (days in time zone $3), with their duration in hours. */
const CONVERSATIONS = `
  SELECT f.*, (f.started_at AT TIME ZONE $3)::date AS day,
         extract(epoch FROM f.last_reply_at - f.started_at) / 3600 AS hours
    FROM conversation_facts f
   WHERE f.replies > 0 AND f.started_at >= ($1::date)::timestamp AT TIME ZONE $3 AND f.started_at < ($2::date + 1)::timestamp AT TIME ZONE $3`;

type Row = { numerator: number | null; denominator: number | null; people: number | null };

/**
 * Computes both conversation metrics on read (a median cannot be combined from daily values).
 * The people a value is about are the conversations' distinct participants: fewer than the
 * minimum group size and it is suppressed.
 */
@Injectable()
export class ConversationReader implements MetricReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series(request: SeriesRequest): Promise<Array<MetricValueRow & { start: string }>> {
    const unit = request.bucket.toLowerCase();
    const rows: Array<Row & { start: string }> = await this.dataSource.query(
      `WITH c AS (SELECT * FROM (${CONVERSATIONS}) f WHERE ${SLICE_FILTER[request.dimension]}),
            buckets AS (SELECT b::date AS start FROM generate_series(date_trunc('${unit}', $1::date), $2::date, interval '1 ${unit}') AS b),
            vals AS (
              SELECT date_trunc('${unit}', day)::date AS start, ${this.aggregate(request.definition.key)}
                FROM c GROUP BY 1),
            people AS (
              SELECT date_trunc('${unit}', day)::date AS start, count(DISTINCT p) AS people
                FROM c CROSS JOIN LATERAL unnest(c.participant_ids) AS p GROUP BY 1)
       SELECT to_char(b.start, 'YYYY-MM-DD') AS start, v.numerator, v.denominator, coalesce(p.people, 0) AS people
         FROM buckets b LEFT JOIN vals v ON v.start = b.start LEFT JOIN people p ON p.start = b.start
        ORDER BY b.start`,
      // The organisation has no slice parameter (an unused one would have no type).
      request.dimension === MetricDimension.Organisation
        ? [request.range.from, request.range.to, request.timeZone]
        : [request.range.from, request.range.to, request.timeZone, request.sliceId],
    );
    return rows.map((r) => ({ ...valueOf(r), start: r.start }));
  }

  async breakdown(request: BreakdownRequest): Promise<Array<MetricValueRow & { sliceId: string }>> {
    if (request.dimension === MetricDimension.Organisation) return [];
    const slice = SLICE_OF[request.dimension];
    const rows: Array<Row & { slice_id: string }> = await this.dataSource.query(
      `WITH c AS (SELECT f.*, ${slice.id} AS slice_id FROM (${CONVERSATIONS}) f ${slice.join} WHERE ${slice.id} IS NOT NULL),
            vals AS (SELECT slice_id, ${this.aggregate(request.definition.key)} FROM c GROUP BY 1),
            people AS (SELECT slice_id, count(DISTINCT p) AS people FROM c CROSS JOIN LATERAL unnest(c.participant_ids) AS p GROUP BY 1)
       SELECT v.slice_id, v.numerator, v.denominator, coalesce(p.people, 0) AS people
         FROM vals v LEFT JOIN people p ON p.slice_id = v.slice_id`,
      [request.range.from, request.range.to, request.timeZone],
    );
    return rows.map((r) => ({ ...valueOf(r), sliceId: r.slice_id }));
  }

  private aggregate(key: string): string {
    return key === 'MEDIAN_CONVERSATION_HOURS'
      ? 'percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS numerator, NULL::float8 AS denominator'
      : 'sum(participants)::float8 AS numerator, count(*)::float8 AS denominator';
  }
}

function valueOf(row: Row): MetricValueRow {
  const numerator = row.numerator === null ? null : Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  const value = numerator === null ? null : denominator === null ? numerator : denominator === 0 ? null : numerator / denominator;
  return { numerator, denominator, value, people: Number(row.people ?? 0) };
}
