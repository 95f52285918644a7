/** The parts of a breakdown row the ranking needs (a MetricBreakdown row fits). */
export interface RankedRow {
  slice: { id: string | null; label: string };
  value: number | null;
  suppressed: boolean;
}

/**
 * The top and bottom slices of a breakdown (the API answers highest first). Only slices with a
 * shown value rank: hidden ones are counted, empty ones left out; the bottom never repeats the
 * top, so with few slices it is shorter or empty.
 */
export function topAndBottom<R extends RankedRow>(rows: readonly R[], size = 5): { top: R[]; bottom: R[]; hidden: number } {
  const ranked = rows.filter((r) => !r.suppressed && r.value !== null);
  const top = ranked.slice(0, size);
  const bottom = ranked.slice(Math.max(size, ranked.length - size)).reverse();
  return { top, bottom, hidden: rows.filter((r) => r.suppressed).length };
}
