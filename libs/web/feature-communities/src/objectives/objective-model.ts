import type { Checks, CreateObjectiveInput, MetricKey, ObjectiveDirection, ObjectiveFieldsFragment, UpdateObjectiveInput } from '@commons/web-data-access';
import { checkObjective, parseNumber, rules } from '../validation';

/** What the objective form holds: text as typed; numbers are parsed when it is sent. */
export type ObjectiveFormValues = {
  metricKey: MetricKey | null;
  title: string;
  baseline: string;
  target: string;
  direction: ObjectiveDirection;
  dueDate: string;
};

export const EMPTY_OBJECTIVE: ObjectiveFormValues = { metricKey: null, title: '', baseline: '', target: '', direction: 'UP', dueDate: '' };

/** An existing objective as the form shows it. */
export function objectiveFormValues(o: ObjectiveFieldsFragment): ObjectiveFormValues {
  return { metricKey: o.metricKey, title: o.title, baseline: String(o.baseline), target: String(o.target), direction: o.direction, dueDate: o.dueDate };
}

/**
 * The server's rules for an objective, field by field. An objective being edited passes its
 * current due date: keeping it is fine even when it has passed; moving it into the past is not.
 */
export function objectiveChecks(today: string, keptDueDate?: string): Checks<ObjectiveFormValues> {
  const numbersAndDate = (v: ObjectiveFormValues) => checkObjective(v, today, { keptDueDate });
  return {
    metricKey: (v) => (v ? undefined : 'Choose a metric.'),
    title: rules.objectiveTitle,
    baseline: (_, v) => numbersAndDate(v).baseline,
    target: (_, v) => numbersAndDate(v).target,
    dueDate: (_, v) => numbersAndDate(v).dueDate,
  };
}

/** An objective as the API takes it, in a new community or on its own; call only once the checks pass. */
export function toObjectiveInput(v: ObjectiveFormValues): Omit<CreateObjectiveInput, 'communityId'> {
  return {
    metricKey: v.metricKey as MetricKey,
    title: v.title.trim() || null,
    baseline: parseNumber(v.baseline) as number,
    target: parseNumber(v.target) as number,
    direction: v.direction,
    dueDate: v.dueDate.trim(),
  };
}

/** What createObjective receives; call only once the checks pass. */
export function toCreateObjectiveInput(communityId: string, v: ObjectiveFormValues): CreateObjectiveInput {
  return { communityId, ...toObjectiveInput(v) };
}

/**
 * Only what changed, for updateObjective: the server then judges a due date as changed only
 * when it was sent. Null when nothing changed. Call only once the checks pass.
 */
export function objectiveChanges(original: ObjectiveFieldsFragment, v: ObjectiveFormValues): UpdateObjectiveInput | null {
  const input: UpdateObjectiveInput = { objectiveId: original.id };
  const baseline = parseNumber(v.baseline) as number;
  const target = parseNumber(v.target) as number;
  if (v.metricKey && v.metricKey !== original.metricKey) input.metricKey = v.metricKey;
  if (v.title.trim() !== original.title) input.title = v.title.trim();
  if (baseline !== original.baseline) input.baseline = baseline;
  if (target !== original.target) input.target = target;
  if (v.direction !== original.direction) input.direction = v.direction;
  if (v.dueDate.trim() !== original.dueDate) input.dueDate = v.dueDate.trim();
  return Object.keys(input).length > 1 ? input : null;
}

/** The server's order of a community's objectives: due date, then id. */
export function compareObjectives(a: { dueDate: string; id: string }, b: { dueDate: string; id: string }): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A target or baseline as people read it. */
export const formatNumber = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 4 });
