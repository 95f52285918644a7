import { toCsv } from './csv';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03" → "March 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return MONTHS[m - 1] ? `${MONTHS[m - 1]} ${y}` : month;
}

/** The month before the one a day is in, YYYY-MM: what a snapshot is usually about. */
export function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

interface Headline {
  key: string;
  name: string;
  unit: string;
  direction: string;
  value: number | null;
  suppressed: boolean;
}

export interface HeadlineComparison {
  key: string;
  name: string;
  unit: string;
  direction: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is missing or hidden. */
  difference: number | null;
  /** Whether the change is for the better, by the metric's direction; null when it cannot say. */
  better: boolean | null;
}

/**
 * Two snapshots' headline metrics side by side, in the later one's order (then metrics only the
 * earlier one had): the change and whether it is for the better.
 */
export function compareHeadlines(before: readonly Headline[], after: readonly Headline[]): HeadlineComparison[] {
  const earlier = new Map(before.map((h) => [h.key, h]));
  const keys = [...after.map((h) => h.key), ...before.filter((h) => !after.some((a) => a.key === h.key)).map((h) => h.key)];
  const later = new Map(after.map((h) => [h.key, h]));
  return keys.map((key) => {
    const a = earlier.get(key);
    const b = later.get(key);
    const shown = (h: Headline | undefined) => (h && !h.suppressed ? h.value : null);
    const beforeValue = shown(a);
    const afterValue = shown(b);
    const difference = beforeValue === null || afterValue === null ? null : afterValue - beforeValue;
    const direction = (b ?? a)?.direction ?? 'NEUTRAL';
    const better = difference === null || difference === 0 || direction === 'NEUTRAL' ? null : direction === 'HIGHER_IS_BETTER' ? difference > 0 : difference < 0;
    return { key, name: (b ?? a)?.name ?? key, unit: (b ?? a)?.unit ?? 'COUNT', direction, before: beforeValue, after: afterValue, difference, better };
  });
}

/** A snapshot's headline metrics as CSV; hidden values empty with `suppressed` true. */
export function headlineCsv(snapshot: { month: string; version: number; from: string; to: string; headline: readonly Headline[] }): string {
  return toCsv(
    ['month', 'version', 'from', 'to', 'metric', 'metric_name', 'unit', 'value', 'suppressed'],
    snapshot.headline.map((h) => [snapshot.month, snapshot.version, snapshot.from, snapshot.to, h.key, h.name, h.unit, h.suppressed ? null : h.value, h.suppressed]),
  );
}

/** Two snapshots compared, as CSV. */
export function comparisonOfSnapshotsCsv(before: string, after: string, rows: readonly HeadlineComparison[]): string {
  return toCsv(
    ['metric', 'metric_name', 'unit', `value_${before}`, `value_${after}`, 'difference'],
    rows.map((r) => [r.key, r.name, r.unit, r.before, r.after, r.difference]),
  );
}
