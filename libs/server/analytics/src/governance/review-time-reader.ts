import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricDimension } from '../metrics/metric-definition';
import type { BreakdownRequest, MetricReader, MetricValueRow, SeriesRequest } from '../metrics/metric-readers';
import { SLICE_MEMBERS } from '../rollups/slice-people';
import { GovernanceMetric } from './governance-metrics';

const MINUTES = 'extract(epoch FROM r.left_at - r.entered_at) / 60';

/** The percentile a review-time metric reports. */
function fraction(key: string): number {
  if (key === GovernanceMetric.MedianReview) return 0.5;
  if (key === GovernanceMetric.P90Review) return 0.9;
  throw new Error(`ReviewTimeReader cannot compute ${key}`);
}

/**
 * Time to review, computed on read from moderation_reviews (items paired by id by the governance
 * rollup): over the items that LEFT the queue in each bucket, in the organisation's time zone,
 * the percentile_cont of the minutes from entering to leaving. Items whose entry is not rolled
 * up yet are left out. People is the slice's population at the bucket's end.
 */
@Injectable()
export class ReviewTimeReader implements MetricReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series({ definition, dimension, sliceId, range, bucket, timeZone }: SeriesRequest): Promise<Array<MetricValueRow & { start: string }>> {
    const unit = bucket.toLowerCase();
    const community = dimension === MetricDimension.Community;
    const rows: Array<{ start: string; value: number | null; people: number | string | null }> = await this.dataSource.query(
      `WITH buckets AS (
         SELECT b::date AS start FROM generate_series(date_trunc('${unit}', $1::date::timestamp), $2::date::timestamp, interval '1 ${unit}') AS b),
       lo AS (
         SELECT (SELECT min(start) FROM buckets)::timestamp AT TIME ZONE $3 AS first_at,
                $1::date::timestamp AT TIME ZONE $3 AS from_at, ($2::date + 1)::timestamp AT TIME ZONE $3 AS to_at),
       reviews AS (
         SELECT date_trunc('${unit}', r.left_at AT TIME ZONE $3)::date AS start, percentile_cont(${fraction(definition.key)}) WITHIN GROUP (ORDER BY ${MINUTES}) AS value
           FROM moderation_reviews r, lo
          WHERE r.left_at >= lo.from_at AND r.left_at < lo.to_at AND r.entered_at IS NOT NULL ${community ? 'AND r.community_id = $4::uuid' : ''}
          GROUP BY 1),
       people_moves AS (
         SELECT CASE WHEN m.since < lo.first_at THEN NULL ELSE date_trunc('${unit}', m.since AT TIME ZONE $3)::date END AS start, count(*) AS d
           FROM (${SLICE_MEMBERS[dimension]}) m, lo
          WHERE m.since < lo.to_at ${community ? 'AND m.slice_id = $4::text' : ''} GROUP BY 1)
       SELECT to_char(b.start, 'YYYY-MM-DD') AS start, r.value,
              (SELECT coalesce(sum(d), 0) FROM people_moves WHERE start IS NULL) + sum(coalesce(p.d, 0)) OVER (ORDER BY b.start) AS people
         FROM buckets b LEFT JOIN reviews r ON r.start = b.start LEFT JOIN people_moves p ON p.start = b.start
        ORDER BY b.start`,
      community ? [range.from, range.to, timeZone, sliceId] : [range.from, range.to, timeZone],
    );
    return rows.map((r) => ({ start: r.start, ...valueOf(r) }));
  }

  async breakdown({ definition, dimension, range, timeZone }: BreakdownRequest): Promise<Array<MetricValueRow & { sliceId: string }>> {
    if (dimension !== MetricDimension.Community) return [];
    const rows: Array<{ slice_id: string; value: number | null; people: number | string | null }> = await this.dataSource.query(
      `WITH lo AS (SELECT $1::date::timestamp AT TIME ZONE $3 AS from_at, ($2::date + 1)::timestamp AT TIME ZONE $3 AS to_at),
       reviews AS (
         SELECT r.community_id::text AS slice_id, percentile_cont(${fraction(definition.key)}) WITHIN GROUP (ORDER BY ${MINUTES}) AS value
           FROM moderation_reviews r, lo
          WHERE r.left_at >= lo.from_at AND r.left_at < lo.to_at AND r.entered_at IS NOT NULL
          GROUP BY 1),
       people AS (SELECT m.slice_id, count(*) AS people FROM (${SLICE_MEMBERS[dimension]}) m, lo WHERE m.since < lo.to_at GROUP BY m.slice_id)
       SELECT r.slice_id, r.value, coalesce(p.people, 0) AS people FROM reviews r LEFT JOIN people p ON p.slice_id = r.slice_id`,
      [range.from, range.to, timeZone],
    );
    return rows.map((r) => ({ sliceId: r.slice_id, ...valueOf(r) }));
  }
}

function valueOf(r: { value: number | null; people: number | string | null }): MetricValueRow {
  const value = r.value === null ? null : Number(r.value);
  return { numerator: value, denominator: null, value, people: Number(r.people ?? 0) };
}
