/** The parts of a series a chart needs (a MetricSeries query result fits). */
export interface ChartSeries {
  definition: { key: string };
  points: ReadonlyArray<{ start: string; value: number | null; suppressed: boolean }>;
}

/** One row per period with each metric's value under its key; null where there is none (a gap). */
export type ChartRow = { start: string } & Record<string, number | string | null>;

/** Several series as the rows a chart draws, by period, in order. Hidden values are null: gaps. */
export function chartRows(series: readonly ChartSeries[]): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.start) ?? { start: p.start };
      row[s.definition.key] = p.suppressed ? null : p.value;
      rows.set(p.start, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.start.localeCompare(b.start));
}

/** Whether any value in the series was hidden for being about too few people. */
export function anySuppressed(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.points.some((p) => p.suppressed));
}

/** Whether the series hold no number at all (nothing happened yet, or nothing rolled up). */
export function noData(series: readonly ChartSeries[]): boolean {
  return series.every((s) => s.points.every((p) => p.value === null && !p.suppressed));
}

/**
 * The latest value of a series that is not a gap: what a KPI tile shows for "now". Null when
 * there is none; `suppressed` when the latest period with anything in it was hidden.
 */
export function latestValue(points: ReadonlyArray<{ start: string; value: number | null; suppressed: boolean }>): { start: string; value: number | null; suppressed: boolean } | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p.value !== null || p.suppressed) return p;
  }
  return null;
}

/**
 * Okabe–Ito: eight colours told apart with any common colour-vision deficiency. Black is left
 * out (it reads as text); the yellow comes last, as it is faint on white.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442'] as const;

/** The colour of the n-th series in a chart. */
export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

/** A period's first day as a short label for an axis: "3 Mar" for days and weeks, "Mar 2025" for months. */
export function periodLabel(start: string, bucket: string): string {
  const [y, m, d] = start.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] ?? '';
  return bucket === 'MONTH' ? `${month} ${y}` : `${d} ${month}`;
}

/** A period in words for a table or tooltip: "week of 3 Mar 2025", "Mar 2025", "3 Mar 2025". */
export function periodName(start: string, bucket: string): string {
  const [y] = start.split('-');
  if (bucket === 'MONTH') return periodLabel(start, bucket);
  const day = `${periodLabel(start, 'DAY')} ${y}`;
  return bucket === 'WEEK' ? `week of ${day}` : day;
}
