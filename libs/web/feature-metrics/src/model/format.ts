import type { MetricUnit } from '@commons/web-data-access';

/** What a missing number shows as: no data in the period. */
export const NO_VALUE = '—';

const counts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const averages = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A share between 0 and 1 as a percentage: 0.4231 → "42.3%", 0.5 → "50%". */
export function formatRatio(value: number): string {
  const percent = Math.round(value * 1000) / 10;
  return `${percent.toFixed(percent % 1 === 0 ? 0 : 1)}%`;
}

/** A duration in minutes in words a person reads at a glance: "45 min", "1 h 20 min", "2 d 3 h". */
export function formatMinutes(value: number): string {
  const minutes = Math.round(value);
  if (minutes < 1) return value > 0 ? '< 1 min' : '0 min';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** Sentiment from −5 to +5, always with its sign: "+1.2", "−0.8", "0.0". */
export function formatScore(value: number): string {
  // Halves round away from zero, alike for both signs.
  const magnitude = Math.round(Math.abs(value) * 10) / 10;
  if (magnitude === 0) return '0.0';
  return `${value > 0 ? '+' : '−'}${magnitude.toFixed(1)}`;
}

/** A metric's value in its unit; null (no data, or hidden) as a dash. */
export function formatMetricValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  switch (unit) {
    case 'RATIO':
      return formatRatio(value);
    case 'MINUTES':
      return formatMinutes(value);
    case 'SCORE':
      return formatScore(value);
    case 'AVERAGE':
      return averages.format(value);
    default:
      return counts.format(value);
  }
}

/** What a unit is called next to a chart's title, so a reader knows what the axis counts. */
export const UNIT_LABEL: Record<MetricUnit, string> = {
  RATIO: 'share (%)',
  COUNT: 'count',
  PEOPLE: 'people',
  MINUTES: 'time',
  AVERAGE: 'average',
  SCORE: 'score (−5 to +5)',
};
