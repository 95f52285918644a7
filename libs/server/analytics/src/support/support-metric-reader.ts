import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricDimension, type MetricBucket } from '../metrics/metric-definition';
import type { BreakdownRequest, DayRange, MetricReader, MetricValueRow, SeriesRequest } from '../metrics/metric-readers';
import { SLICE_MEMBERS } from '../rollups/slice-people';
import { SupportMetric } from './support-metrics';

/** A question's slice: its community, or its asker's department, audience or cohorts. */
const QUESTION_SLICE: Record<MetricDimension, { key: string; join: string; filter: string }> = {
  ORGANISATION: { key: `''`, join: '', filter: 'true' },
  COMMUNITY: { key: 'q.community_id::text', join: '', filter: 'q.community_id = $4::uuid' },
  DEPARTMENT: { key: 'acc.department', join: 'JOIN accounts acc ON acc.id = q.asker_id', filter: 'acc.department = $4' },
  AUDIENCE: { key: 'acc.audience::text', join: 'JOIN accounts acc ON acc.id = q.asker_id', filter: 'acc.audience::text = $4' },
  COHORT: { key: 'cm.cohort_id::text', join: 'JOIN cohort_members cm ON cm.account_id = q.asker_id', filter: 'cm.cohort_id = $4::uuid' },
};

const MINUTES = (later: string) => `extract(epoch FROM q.${later} - q.asked_at) / 60`;
/** The bucket's or slice's facts over questions `q` asked in the period (those matching `asked`). */
const STATS = (asked: string) => `
  count(*) FILTER (WHERE ${asked}) AS asked,
  count(*) FILTER (WHERE ${asked} AND q.first_response_at IS NOT NULL) AS responded,
  count(*) FILTER (WHERE ${asked} AND q.resolved_at IS NOT NULL) AS resolved,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES('first_response_at')}) FILTER (WHERE ${asked} AND q.first_response_at IS NOT NULL) AS response_p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES('first_response_at')}) FILTER (WHERE ${asked} AND q.first_response_at IS NOT NULL) AS response_p90,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES('resolved_at')}) FILTER (WHERE ${asked} AND q.resolved_at IS NOT NULL) AS resolution_p50,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES('resolved_at')}) FILTER (WHERE ${asked} AND q.resolved_at IS NOT NULL) AS resolution_p90`;

interface SupportFacts {
  asked: number | string | null;
  responded: number | string | null;
  resolved: number | string | null;
  response_p50: number | null;
  response_p90: number | null;
  resolution_p50: number | null;
  resolution_p90: number | null;
  backlog: number | string | null;
  people: number | string | null;
}

/** One metric's value from a bucket's or slice's facts. */
export function supportValue(key: string, f: SupportFacts): MetricValueRow {
  const n = (v: number | string | null) => (v === null ? 0 : Number(v));
  const people = n(f.people);
  const ratio = (part: number | string | null) => ({ numerator: n(part), denominator: n(f.asked), value: n(f.asked) > 0 ? n(part) / n(f.asked) : null, people });
  const plain = (v: number | string | null) => ({ numerator: v === null ? null : Number(v), denominator: null, value: v === null ? null : Number(v), people });
  switch (key) {
    case SupportMetric.QuestionsAsked:
      return plain(n(f.asked));
    case SupportMetric.ResponseRate:
      return ratio(f.responded);
    case SupportMetric.ResolutionRate:
      return ratio(f.resolved);
    case SupportMetric.MedianFirstResponse:
      return plain(f.response_p50);
    case SupportMetric.P90FirstResponse:
      return plain(f.response_p90);
    case SupportMetric.MedianResolution:
      return plain(f.resolution_p50);
    case SupportMetric.P90Resolution:
      return plain(f.resolution_p90);
    case SupportMetric.UnansweredBacklog:
      return plain(n(f.backlog));
    default:
      throw new Error(`SupportMetricReader cannot compute ${key}`);
  }
}

/**
 * Support metrics computed on read from support_questions, over the questions ASKED in each
 * bucket (or in the range, per slice) in the organisation's time zone, as they stand now; the
 * backlog is a snapshot at each bucket's end. Deleted and taken-down questions are left out.
 * People (for suppression) is the slice's population at the bucket's end, as the rollups count it.
 * Each scan is one statement: by community it uses (community_id, asked_at); running totals
 * (backlog, population) are summed per bucket, then accumulated, instead of recounted per bucket.
 */
@Injectable()
export class SupportMetricReader implements MetricReader {
  /**
   * Facts being read, by question: a dashboard asks for several support metrics of the same
   * slice and range at once, and they all come from one scan.
   */
  private readonly reading = new Map<string, Promise<unknown[]>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private shared<R>(key: string, read: () => Promise<R[]>): Promise<R[]> {
    let pending = this.reading.get(key) as Promise<R[]> | undefined;
    if (!pending) {
      pending = read().finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    return pending;
  }

  async series({ definition, dimension, sliceId, range, bucket, timeZone }: SeriesRequest): Promise<Array<MetricValueRow & { start: string }>> {
    const rows = await this.shared(JSON.stringify(['series', dimension, sliceId, range, bucket, timeZone]), () => this.seriesFacts(dimension, sliceId, range, bucket, timeZone));
    return rows.map((r) => ({ start: r.start, ...supportValue(definition.key, r) }));
  }

  private seriesFacts(dimension: MetricDimension, sliceId: string | null, range: DayRange, bucket: MetricBucket, timeZone: string): Promise<Array<SupportFacts & { start: string }>> {
    const unit = bucket.toLowerCase();
    const slice = QUESTION_SLICE[dimension];
    const inSlice = dimension === MetricDimension.Organisation ? 'true' : slice.filter;
    const bucketOf = (at: string) => `CASE WHEN ${at} < lo.first_at THEN NULL ELSE date_trunc('${unit}', ${at} AT TIME ZONE $3)::date END`;
    return this.dataSource.query(
      `WITH buckets AS (
         SELECT b::date AS start FROM generate_series(date_trunc('${unit}', $1::date::timestamp), $2::date::timestamp, interval '1 ${unit}') AS b),
       lo AS (
         SELECT (SELECT min(start) FROM buckets)::timestamp AT TIME ZONE $3 AS first_at,
                $1::date::timestamp AT TIME ZONE $3 AS from_at, ($2::date + 1)::timestamp AT TIME ZONE $3 AS to_at),
       q AS (
         SELECT q.asked_at, q.first_response_at, q.resolved_at
           FROM support_questions q ${slice.join}, lo
          WHERE NOT q.removed AND q.asked_at < lo.to_at AND ${inSlice}),
       asked AS (
         SELECT date_trunc('${unit}', q.asked_at AT TIME ZONE $3)::date AS start, ${STATS('true')}
           FROM q, lo WHERE q.asked_at >= lo.from_at GROUP BY 1),
       -- +1 when a question is asked, −1 when it is first answered or resolved: summed up to a bucket's end, its backlog.
       open_moves AS (
         SELECT ${bucketOf('e.at')} AS start, sum(e.delta) AS d
           FROM (SELECT asked_at AS at, 1 AS delta FROM q
                 UNION ALL SELECT least(first_response_at, resolved_at), -1 FROM q WHERE least(first_response_at, resolved_at) IS NOT NULL) e, lo
          WHERE e.at < lo.to_at GROUP BY 1),
       people_moves AS (
         SELECT ${bucketOf('m.since')} AS start, count(*) AS d
           FROM (${SLICE_MEMBERS[dimension]}) m, lo
          WHERE m.since < lo.to_at ${dimension === MetricDimension.Organisation ? '' : 'AND m.slice_id = $4::text'} GROUP BY 1)
       SELECT to_char(b.start, 'YYYY-MM-DD') AS start, a.asked, a.responded, a.resolved, a.response_p50, a.response_p90, a.resolution_p50, a.resolution_p90,
              (SELECT coalesce(sum(d), 0) FROM open_moves WHERE start IS NULL) + sum(coalesce(o.d, 0)) OVER (ORDER BY b.start) AS backlog,
              (SELECT coalesce(sum(d), 0) FROM people_moves WHERE start IS NULL) + sum(coalesce(p.d, 0)) OVER (ORDER BY b.start) AS people
         FROM buckets b
         LEFT JOIN asked a ON a.start = b.start
         LEFT JOIN open_moves o ON o.start = b.start
         LEFT JOIN people_moves p ON p.start = b.start
        ORDER BY b.start`,
      dimension === MetricDimension.Organisation ? [range.from, range.to, timeZone] : [range.from, range.to, timeZone, sliceId],
    );
  }

  async breakdown({ definition, dimension, range, timeZone }: BreakdownRequest): Promise<Array<MetricValueRow & { sliceId: string }>> {
    const rows = await this.shared(JSON.stringify(['breakdown', dimension, range, timeZone]), () => this.breakdownFacts(dimension, range, timeZone));
    return rows.map((r) => ({ sliceId: r.slice_id, ...supportValue(definition.key, r) }));
  }

  private breakdownFacts(dimension: MetricDimension, range: DayRange, timeZone: string): Promise<Array<SupportFacts & { slice_id: string }>> {
    const slice = QUESTION_SLICE[dimension];
    return this.dataSource.query(
      `WITH lo AS (SELECT $1::date::timestamp AT TIME ZONE $3 AS from_at, ($2::date + 1)::timestamp AT TIME ZONE $3 AS to_at),
       q AS (
         SELECT q.asked_at, q.first_response_at, q.resolved_at, ${slice.key} AS slice_id
           FROM support_questions q ${slice.join}, lo
          WHERE NOT q.removed AND q.asked_at < lo.to_at),
       stats AS (
         SELECT q.slice_id, ${STATS('q.asked_at >= lo.from_at')},
                count(*) FILTER (WHERE least(q.first_response_at, q.resolved_at) IS NULL OR least(q.first_response_at, q.resolved_at) >= lo.to_at) AS backlog
           FROM q, lo WHERE q.slice_id IS NOT NULL AND q.slice_id <> '' GROUP BY q.slice_id),
       people AS (
         SELECT m.slice_id, count(*) AS people FROM (${SLICE_MEMBERS[dimension]}) m, lo WHERE m.since < lo.to_at GROUP BY m.slice_id)
       SELECT s.*, coalesce(p.people, 0) AS people FROM stats s LEFT JOIN people p ON p.slice_id = s.slice_id`,
      [range.from, range.to, timeZone],
    );
  }
}
