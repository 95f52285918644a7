/** A CSV cell: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell as RFC 4180 wants it. Text a spreadsheet would run as a formula (=, +, -, @ first:
 * community and department names are typed by people) gets a leading apostrophe.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** A header and its rows as CSV text, lines ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The parts of a series a CSV needs (a MetricSeries query result fits). */
export interface CsvSeries {
  definition: { key: string; name: string };
  slice: { dimension: string; id: string | null; label: string };
  bucket: string;
  points: ReadonlyArray<{ start: string; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean }>;
}

export const SERIES_CSV_HEADER = ['metric', 'metric_name', 'dimension', 'slice_id', 'slice', 'bucket', 'period_start', 'value', 'numerator', 'denominator', 'suppressed'] as const;

/**
 * A chart's series, one row per metric and period, raw numbers (ratios between 0 and 1,
 * minutes): exactly what the chart draws. A hidden value is an empty cell with `suppressed` true.
 */
export function seriesCsv(series: readonly CsvSeries[]): string {
  const rows = series.flatMap((s) =>
    s.points.map((p) => [
      s.definition.key,
      s.definition.name,
      s.slice.dimension,
      s.slice.id,
      s.slice.label,
      s.bucket,
      p.start,
      ...valueCells(p),
    ]),
  );
  return toCsv(SERIES_CSV_HEADER, rows);
}

/** The parts of a breakdown a CSV needs (a MetricBreakdown query result fits). */
export interface CsvBreakdown {
  definition: { key: string; name: string };
  dimension: string;
  from: string;
  to: string;
  rows: ReadonlyArray<{ slice: { id: string | null; label: string }; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean }>;
}

export const BREAKDOWN_CSV_HEADER = ['metric', 'metric_name', 'dimension', 'slice_id', 'slice', 'from', 'to', 'value', 'numerator', 'denominator', 'suppressed'] as const;

/** A value's cells: value, numerator, denominator (empty when hidden) and whether it is hidden. */
function valueCells(v: { value?: number | null; numerator?: number | null; denominator?: number | null; suppressed: boolean }) {
  return v.suppressed ? [null, null, null, true] : [v.value ?? null, v.numerator ?? null, v.denominator ?? null, false];
}

/** A breakdown, one row per slice in the order shown; hidden values empty with `suppressed` true. */
export function breakdownCsv(breakdown: CsvBreakdown, rows: CsvBreakdown['rows'] = breakdown.rows): string {
  return toCsv(
    BREAKDOWN_CSV_HEADER,
    rows.map((r) => [
      breakdown.definition.key,
      breakdown.definition.name,
      breakdown.dimension,
      r.slice.id,
      r.slice.label,
      breakdown.from,
      breakdown.to,
      ...valueCells(r),
    ]),
  );
}

/** A file name that says what and when: "commons-adoption-organisation-2025-01-01-to-2025-03-31.csv". */
export function csvFileName(parts: readonly string[], from: string, to: string): string {
  const words = parts
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')
        .replace(/^-+|-+$/gu, ''),
    )
    .filter(Boolean);
  return `${['commons', ...words].join('-')}-${from}-to-${to}.csv`;
}
