import { Injectable } from '@nestjs/common';
import type { MetricBucket, MetricDefinition, MetricDimension } from './metric-definition';

/** A range of days, inclusive, as YYYY-MM-DD in the organisation's time zone. */
export interface DayRange {
  from: string;
  to: string;
}

/** The values behind one bucket or one slice: value is null when there is no data. */
export interface MetricValueRow {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** How many people the value is about (the slice's population): small groups are suppressed. */
  people: number;
}

export interface SeriesRequest {
  definition: MetricDefinition;
  dimension: MetricDimension;
  /** The slice's id (community id, department name, audience, cohort id); null for the organisation. */
  sliceId: string | null;
  range: DayRange;
  bucket: MetricBucket;
  timeZone: string;
}

export interface BreakdownRequest {
  definition: MetricDefinition;
  dimension: MetricDimension;
  range: DayRange;
  timeZone: string;
}

/**
 * Computes a metric whose buckets cannot be combined from daily values (a median, a p90) from
 * its facts table on read. Buckets start on the date given (a Monday for weeks, the 1st for months).
 */
export interface MetricReader {
  series(request: SeriesRequest): Promise<Array<MetricValueRow & { start: string }>>;
  /** The value over the whole range for each slice of the dimension. */
  breakdown(request: BreakdownRequest): Promise<Array<MetricValueRow & { sliceId: string }>>;
}

/** Readers by metric key, for definitions whose source is READER. */
@Injectable()
export class MetricReaders {
  private readonly readers = new Map<string, MetricReader>();

  register(keys: readonly string[], reader: MetricReader): void {
    for (const key of keys) this.readers.set(key, reader);
  }

  get(key: string): MetricReader {
    const reader = this.readers.get(key);
    if (!reader) throw new Error(`Metric ${key} is computed on read but has no reader`);
    return reader;
  }
}
