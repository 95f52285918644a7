import type { RuleAction } from './policy.types';

const RANK: Record<RuleAction, number> = { ALLOW: 0, HOLD: 1, REJECT: 2 };

/** The stricter of two actions: REJECT > HOLD > ALLOW. */
export function stricter(a: RuleAction, b: RuleAction): RuleAction {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Whether `a` is at least as strict as `b`. */
export function atLeastAsStrict(a: RuleAction, b: RuleAction): boolean {
  return RANK[a] >= RANK[b];
}
