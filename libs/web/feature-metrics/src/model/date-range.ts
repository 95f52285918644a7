import type { MetricBucket } from '@commons/web-data-access';

/** A range of days, YYYY-MM-DD, both ends included (as the API takes them). */
export interface DayRange {
  from: string;
  to: string;
}

export type RangePreset = 'LAST_90_DAYS' | 'LAST_12_MONTHS' | 'CUSTOM';

export const RANGE_PRESETS: ReadonlyArray<{ value: RangePreset; label: string }> = [
  { value: 'LAST_90_DAYS', label: 'Last 90 days' },
  { value: 'LAST_12_MONTHS', label: 'Last 12 months' },
  { value: 'CUSTOM', label: 'Custom' },
];

export const BUCKETS: ReadonlyArray<{ value: MetricBucket; label: string }> = [
  { value: 'DAY', label: 'Day' },
  { value: 'WEEK', label: 'Week' },
  { value: 'MONTH', label: 'Month' },
];

/** The API's limits: a range of at most 2 years, and at most 1,000 points. */
export const MAX_RANGE_DAYS = 731;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Today in the reader's time zone, YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in a range, both ends included. */
export function daysIn({ from, to }: DayRange): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The range a preset means, ending today: the last 90 days; or the last 12 months from the
 * first of the month 11 months back, so monthly buckets are whole months.
 */
export function presetRange(preset: Exclude<RangePreset, 'CUSTOM'>, today: string): DayRange {
  if (preset === 'LAST_90_DAYS') return { from: addDays(today, -89), to: today };
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** What is wrong with a custom range, in words, per field; none when it is fine. */
export function checkRange(range: Partial<DayRange>): Partial<Record<keyof DayRange, string>> {
  const problems: Partial<Record<keyof DayRange, string>> = {};
  for (const field of ['from', 'to'] as const) {
    const day = range[field];
    if (!day || !ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) problems[field] = 'Enter a date.';
  }
  if (problems.from || problems.to) return problems;
  const { from, to } = range as DayRange;
  if (from > to) problems.from = 'Start on or before the end date.';
  else if (daysIn({ from, to }) > MAX_RANGE_DAYS) problems.from = 'Choose a range of at most 2 years.';
  return problems;
}

/** Whether a bucket would draw too many points over the range (the API answers at most 1,000). */
export function tooManyPoints(range: DayRange, bucket: MetricBucket): boolean {
  const days = daysIn(range);
  return bucket === 'DAY' ? days > 1_000 : bucket === 'WEEK' ? Math.ceil(days / 7) + 1 > 1_000 : false;
}

/** The calendar month before the one `today` is in: what a monthly snapshot is about. */
export function previousMonth(today: string): DayRange {
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
