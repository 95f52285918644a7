/**
 * Where an objective is heading: the straight line through its weekly values (least squares),
 * followed to its due date and compared with its target. Pure: the service feeds it values.
 *
 * Statuses, for an objective whose direction is UP (DOWN mirrors it):
 * - after the due date: ACHIEVED when the last value on or before the due date meets the target, else MISSED;
 * - before it: ACHIEVED when the current value already meets the target;
 *   ON_TRACK when the projected value at the due date meets the target;
 *   AT_RISK when the projection covers at least AT_RISK_SHARE (70%) of the way from baseline to target;
 *   OFF_TRACK otherwise;
 * - UNKNOWN without any value (no data yet, suppressed, or a metric not available).
 * One value alone projects flat (no trend yet). Ratios are projected within 0–1, other metrics
 * at or above 0.
 */
export const ObjectiveStatus = {
  OnTrack: 'ON_TRACK',
  AtRisk: 'AT_RISK',
  OffTrack: 'OFF_TRACK',
  Achieved: 'ACHIEVED',
  Missed: 'MISSED',
  Unknown: 'UNKNOWN',
} as const;
export type ObjectiveStatus = (typeof ObjectiveStatus)[keyof typeof ObjectiveStatus];
export const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = Object.values(ObjectiveStatus);

/** The share of the way from baseline to target a projection must cover to be "at risk" rather than "off track". */
export const AT_RISK_SHARE = 0.7;

/** A weekly value and the day it describes (YYYY-MM-DD). */
export interface DatedValue {
  day: string;
  value: number;
}

export interface ProjectionInput {
  baseline: number;
  target: number;
  direction: 'UP' | 'DOWN';
  /** YYYY-MM-DD */
  dueDate: string;
  /** YYYY-MM-DD, in the organisation's time zone. */
  today: string;
  /** Known values, any order; suppressed or empty weeks are left out. */
  values: readonly DatedValue[];
  /** Bounds a projection cannot cross (a ratio stays within 0–1). */
  bounds?: { min?: number; max?: number };
}

export interface Projection {
  status: ObjectiveStatus;
  current: number | null;
  projected: number | null;
  /** Share of the way from baseline to target the projection covers (1 = reaches the target). */
  progress: number | null;
  reason: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Least-squares line through points; a single x (or one point) gives a flat line through their mean. */
export function leastSquares(points: ReadonlyArray<{ x: number; y: number }>): { slope: number; intercept: number } {
  const n = points.length;
  if (n === 0) return { slope: 0, intercept: 0 };
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** True when `value` is at least as good as `target` in the objective's direction. */
export function meets(value: number, target: number, direction: 'UP' | 'DOWN'): boolean {
  return direction === 'UP' ? value >= target : value <= target;
}

/** Share of the way from baseline to target that `value` covers (negative when it went the wrong way). */
export function progressOf(value: number, baseline: number, target: number, direction: 'UP' | 'DOWN'): number {
  if (target === baseline) return meets(value, target, direction) ? 1 : 0;
  return (value - baseline) / (target - baseline);
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;
const shown = (value: number): string => String(round(value));

export function projectObjective(input: ProjectionInput): Projection {
  const { baseline, target, direction, dueDate, today } = input;
  const values = [...input.values].filter((v) => Number.isFinite(v.value)).sort((a, b) => a.day.localeCompare(b.day));
  if (values.length === 0) {
    return { status: ObjectiveStatus.Unknown, current: null, projected: null, progress: null, reason: 'No values yet for this metric in this community.' };
  }
  const current = values[values.length - 1].value;

  if (today > dueDate) {
    const atDue = [...values].reverse().find((v) => v.day <= dueDate);
    if (!atDue) {
      return { status: ObjectiveStatus.Unknown, current, projected: null, progress: null, reason: 'The objective is past its due date and there is no value from before it.' };
    }
    const achieved = meets(atDue.value, target, direction);
    return {
      status: achieved ? ObjectiveStatus.Achieved : ObjectiveStatus.Missed,
      current,
      projected: null,
      progress: round(progressOf(atDue.value, baseline, target, direction)),
      reason: `${achieved ? 'Reached' : 'Did not reach'} the target ${shown(target)} by ${dueDate}: the value then was ${shown(atDue.value)}.`,
    };
  }

  if (meets(current, target, direction)) {
    return {
      status: ObjectiveStatus.Achieved,
      current,
      projected: current,
      progress: round(progressOf(current, baseline, target, direction)),
      reason: `The current value ${shown(current)} already meets the target ${shown(target)}.`,
    };
  }

  const origin = dayNumber(values[0].day);
  const line = leastSquares(values.map((v) => ({ x: dayNumber(v.day) - origin, y: v.value })));
  let projected = line.intercept + line.slope * (dayNumber(dueDate) - origin);
  if (input.bounds?.min !== undefined) projected = Math.max(input.bounds.min, projected);
  if (input.bounds?.max !== undefined) projected = Math.min(input.bounds.max, projected);
  projected = round(projected);
  const progress = round(progressOf(projected, baseline, target, direction));
  const trend = values.length === 1 ? 'With one week of values, the projection is flat' : `The trend over ${values.length} weeks projects ${shown(projected)} on ${dueDate}`;
  if (meets(projected, target, direction)) {
    return { status: ObjectiveStatus.OnTrack, current, projected, progress, reason: `${trend}, which meets the target ${shown(target)}.` };
  }
  const status = progress >= AT_RISK_SHARE ? ObjectiveStatus.AtRisk : ObjectiveStatus.OffTrack;
  const share = `${Math.round(Math.max(progress, 0) * 100)}%`;
  return {
    status,
    current,
    projected,
    progress,
    reason:
      values.length === 1
        ? `${trend} at ${shown(projected)}: ${share} of the way from ${shown(baseline)} to the target ${shown(target)}.`
        : `${trend}: ${share} of the way from ${shown(baseline)} to the target ${shown(target)}${status === ObjectiveStatus.AtRisk ? ' (at least 70%)' : ''}.`,
  };
}
