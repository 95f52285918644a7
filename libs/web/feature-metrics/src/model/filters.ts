import type { MetricBucket } from '@commons/web-data-access';
import { checkRange, presetRange, tooManyPoints, type DayRange, type RangePreset } from './date-range';

/** Who the numbers are about (the API's dimensions). */
export type Dimension = 'ORGANISATION' | 'COMMUNITY' | 'DEPARTMENT' | 'AUDIENCE' | 'COHORT';

export const DIMENSIONS: ReadonlyArray<{ value: Dimension; label: string; slice: string }> = [
  { value: 'ORGANISATION', label: 'Whole organisation', slice: 'Organisation' },
  { value: 'COMMUNITY', label: 'A community', slice: 'Community' },
  { value: 'DEPARTMENT', label: 'A department', slice: 'Department' },
  { value: 'AUDIENCE', label: 'An audience', slice: 'Audience' },
  { value: 'COHORT', label: 'A pilot cohort', slice: 'Cohort' },
];

/** What the dashboard shows, as the address keeps it (so a view can be shared and printed). */
export interface DashboardFilters {
  preset: RangePreset;
  /** The range shown: the preset's, or the custom one as typed (it may be invalid). */
  range: DayRange;
  bucket: MetricBucket;
  dimension: Dimension;
  sliceId: string | null;
}

const PRESETS: readonly RangePreset[] = ['LAST_90_DAYS', 'LAST_12_MONTHS', 'CUSTOM'];
const BUCKET_VALUES: readonly MetricBucket[] = ['DAY', 'WEEK', 'MONTH'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The filters an address asks for; anything missing or unknown takes its default (last 90 days by week, the organisation). */
export function readFilters(params: URLSearchParams, today: string): DashboardFilters {
  const preset = oneOf(params.get('range'), PRESETS, 'LAST_90_DAYS');
  const range = preset === 'CUSTOM' ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : presetRange(preset, today);
  const dimension = oneOf(
    params.get('by'),
    DIMENSIONS.map((d) => d.value),
    'ORGANISATION',
  );
  return {
    preset,
    range,
    bucket: oneOf(params.get('bucket'), BUCKET_VALUES, preset === 'LAST_12_MONTHS' ? 'MONTH' : 'WEEK'),
    dimension,
    sliceId: dimension === 'ORGANISATION' ? null : params.get('slice') || null,
  };
}

/** The address for a change of filters: the defaults are left out. */
export function writeFilters(change: Partial<DashboardFilters>, current: DashboardFilters): URLSearchParams {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.preset !== 'LAST_90_DAYS') params.set('range', next.preset);
  if (next.preset === 'CUSTOM') {
    params.set('from', next.range.from);
    params.set('to', next.range.to);
  }
  if (next.bucket !== (next.preset === 'LAST_12_MONTHS' ? 'MONTH' : 'WEEK')) params.set('bucket', next.bucket);
  if (next.dimension !== 'ORGANISATION') {
    params.set('by', next.dimension);
    if (next.sliceId) params.set('slice', next.sliceId);
  }
  return params;
}

/** Why the dashboard cannot ask yet, in words; null when it can. */
export function filtersProblem(filters: DashboardFilters): string | null {
  const problems = checkRange(filters.range);
  if (problems.from || problems.to) return problems.from ?? problems.to ?? null;
  if (tooManyPoints(filters.range, filters.bucket)) return 'That range has too many days to show by day: choose weeks or months.';
  if (filters.dimension !== 'ORGANISATION' && !filters.sliceId) {
    const slice = DIMENSIONS.find((d) => d.value === filters.dimension)?.slice.toLowerCase() ?? 'slice';
    return `Choose a ${slice} to show.`;
  }
  return null;
}

/** The MetricSeries input for some metrics under these filters. */
export function seriesInput(metrics: readonly string[], filters: DashboardFilters) {
  return { metrics: [...metrics], dimension: filters.dimension, sliceId: filters.sliceId, from: filters.range.from, to: filters.range.to, bucket: filters.bucket };
}
