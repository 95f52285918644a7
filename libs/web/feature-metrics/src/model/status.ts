import type { MetricUnit, ObjectiveStatusCode } from '@commons/web-data-access';

/**
 * Objective statuses in words and in the colour-blind-safe palette (always shown with their
 * word), with the text colour that reads on each at 4.5:1 or more.
 */
export const OBJECTIVE_STATUS: Record<ObjectiveStatusCode, { label: string; colour: string; text: string }> = {
  ACHIEVED: { label: 'Achieved', colour: '#009E73', text: '#000' },
  ON_TRACK: { label: 'On track', colour: '#0072B2', text: '#fff' },
  AT_RISK: { label: 'At risk', colour: '#E69F00', text: '#000' },
  OFF_TRACK: { label: 'Off track', colour: '#D55E00', text: '#000' },
  MISSED: { label: 'Missed', colour: '#CC79A7', text: '#000' },
  UNKNOWN: { label: 'No data yet', colour: '#6B6B6B', text: '#fff' },
};

export const STATUS_ORDER: readonly ObjectiveStatusCode[] = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'MISSED', 'UNKNOWN'];

export const LIFECYCLE_LABEL: Record<string, string> = { DRAFT: 'Draft', PILOT: 'Pilot', ACTIVE: 'Active', ARCHIVED: 'Archived' };
const LIFECYCLE_ORDER = ['PILOT', 'ACTIVE', 'DRAFT', 'ARCHIVED'];

/** A unit the API sends as text, as one the formatters know (a count when unknown). */
export function asUnit(unit: string): MetricUnit {
  return (['RATIO', 'COUNT', 'PEOPLE', 'MINUTES', 'AVERAGE', 'SCORE'] as const).find((u) => u === unit) ?? 'COUNT';
}

/**
 * How many objectives have each status, per community lifecycle (pilot, active, draft,
 * archived): one row per lifecycle that has objectives, a count under each status.
 */
export function statusByLifecycle(
  communities: ReadonlyArray<{ lifecycle: string; objectives: ReadonlyArray<{ status: { status: ObjectiveStatusCode } | null }> }>,
): Array<{ lifecycle: string; label: string } & Record<ObjectiveStatusCode, number>> {
  const rows = new Map<string, { lifecycle: string; label: string } & Record<ObjectiveStatusCode, number>>();
  for (const c of communities) {
    for (const o of c.objectives) {
      const row = rows.get(c.lifecycle) ?? { lifecycle: c.lifecycle, label: LIFECYCLE_LABEL[c.lifecycle] ?? c.lifecycle, ACHIEVED: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, MISSED: 0, UNKNOWN: 0 };
      row[o.status?.status ?? 'UNKNOWN'] += 1;
      rows.set(c.lifecycle, row);
    }
  }
  const rank = (l: string) => (LIFECYCLE_ORDER.indexOf(l) + LIFECYCLE_ORDER.length + 1) % (LIFECYCLE_ORDER.length + 1);
  return [...rows.values()].sort((a, b) => rank(a.lifecycle) - rank(b.lifecycle));
}
