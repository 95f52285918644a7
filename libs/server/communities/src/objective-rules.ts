import { ObjectiveDirection } from '@commons/shared-contracts';
import type { FieldErrors } from './community.mapper';

/**
 * Checks an objective's numbers and date. A new objective must be due today or later, and its
 * target must be an improvement on the baseline in the direction that counts as better.
 */
export function checkObjective(
  errors: FieldErrors,
  prefix: string,
  objective: { baseline: number; target: number; direction: ObjectiveDirection; dueDate: string },
  options: { isNew: boolean; today: string },
): void {
  const { baseline, target, direction, dueDate } = objective;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(dueDate) || Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) {
    errors.add(`${prefix}dueDate`, 'Enter a date as YYYY-MM-DD.');
  } else if (options.isNew && dueDate < options.today) {
    errors.add(`${prefix}dueDate`, 'A new objective cannot be due in the past.');
  }
  if (direction === ObjectiveDirection.Up && !(target > baseline)) {
    errors.add(`${prefix}target`, 'Higher is better here: set the target above the baseline.');
  }
  if (direction === ObjectiveDirection.Down && !(target < baseline)) {
    errors.add(`${prefix}target`, 'Lower is better here: set the target below the baseline.');
  }
}
