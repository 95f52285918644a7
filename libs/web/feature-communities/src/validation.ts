import {
  COHORT_NAME_MAX_LENGTH,
  COMMUNITY_CHARTER_MAX_LENGTH,
  COMMUNITY_DESCRIPTION_MAX_LENGTH,
  COMMUNITY_NAME_MAX_LENGTH,
  COMMUNITY_SLUG_MAX_LENGTH,
  COMMUNITY_SLUG_PATTERN,
  INTENT_STATEMENT_MAX_LENGTH,
  REASON_MAX_LENGTH,
} from '@commons/shared-contracts';
import type { ObjectiveDirection } from '@commons/web-data-access';

const OBJECTIVE_TITLE_MAX_LENGTH = 200;

/** The same rules the server applies (shared limits and messages), checked before sending. */
export const rules = {
  name: (v: string) =>
    v.trim().length < 3 || v.trim().length > COMMUNITY_NAME_MAX_LENGTH ? `Enter a name of 3 to ${COMMUNITY_NAME_MAX_LENGTH} characters.` : undefined,
  slug: (v: string) =>
    !v.trim()
      ? 'Choose an address: lower-case letters, digits and hyphens.'
      : v.trim().length > COMMUNITY_SLUG_MAX_LENGTH
        ? `Use at most ${COMMUNITY_SLUG_MAX_LENGTH} characters.`
        : COMMUNITY_SLUG_PATTERN.test(v.trim())
          ? undefined
          : 'Use lower-case letters, digits and single hyphens.',
  description: (v: string) => maxLength(v, COMMUNITY_DESCRIPTION_MAX_LENGTH),
  charter: (v: string) => maxLength(v, COMMUNITY_CHARTER_MAX_LENGTH),
  intentStatement: (v: string) => maxLength(v, INTENT_STATEMENT_MAX_LENGTH),
  cohortName: (v: string) =>
    v.trim().length < 2 || v.trim().length > COHORT_NAME_MAX_LENGTH ? `Enter a name of 2 to ${COHORT_NAME_MAX_LENGTH} characters.` : undefined,
  reason: (v: string) => (!v.trim() ? 'Give a reason.' : maxLength(v, REASON_MAX_LENGTH)),
  optionalReason: (v: string) => maxLength(v, REASON_MAX_LENGTH),
  objectiveTitle: (v: string) => maxLength(v, OBJECTIVE_TITLE_MAX_LENGTH),
  email: (v: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(v.trim()) ? undefined : 'Enter a valid e-mail address.'),
};

function maxLength(v: string, max: number): string | undefined {
  return v.trim().length > max ? `Use at most ${max} characters.` : undefined;
}

/** Today as the server counts days (UTC), YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A number typed by a person ("1.5", "120", "0,4"); null when it is not one. */
export function parseNumber(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/u.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export interface ObjectiveFields {
  baseline: string;
  target: string;
  direction: ObjectiveDirection;
  dueDate: string;
}

/**
 * An objective's numbers and date, by the server's rules: numbers, a real date, and a target
 * better than the baseline in the chosen direction. A new objective cannot be due in the past;
 * an existing one may keep a past due date (`keptDueDate`) but not move to another past one.
 */
export function checkObjective(
  objective: ObjectiveFields,
  today: string,
  { keptDueDate }: { keptDueDate?: string } = {},
): Partial<Record<keyof ObjectiveFields, string>> {
  const errors: Partial<Record<keyof ObjectiveFields, string>> = {};
  const baseline = parseNumber(objective.baseline);
  const target = parseNumber(objective.target);
  if (baseline === null) errors.baseline = 'Enter a number.';
  if (target === null) errors.target = 'Enter a number.';
  const date = objective.dueDate.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    errors.dueDate = 'Enter a date as YYYY-MM-DD.';
  } else if (date < today && keptDueDate === undefined) {
    errors.dueDate = 'A new objective cannot be due in the past.';
  } else if (date < today && date !== keptDueDate) {
    errors.dueDate = 'A due date cannot move into the past: choose today or later.';
  }
  if (baseline !== null && target !== null) {
    if (objective.direction === 'UP' && !(target > baseline)) errors.target = 'Higher is better here: set the target above the baseline.';
    if (objective.direction === 'DOWN' && !(target < baseline)) errors.target = 'Lower is better here: set the target below the baseline.';
  }
  return errors;
}
