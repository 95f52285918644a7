import type { ModeratedContent, ModerationDecision } from '@commons/server-core';
import type { Content, Decision } from './policy/policy.types';

/**
 * The engine's content from what ModerationGate receives today: the write paths pass title and
 * body joined as `text`, so it is all body here (a title-only limit needs the title passed apart).
 */
export function contentOfModerated(content: ModeratedContent): Content {
  return { kind: content.kind, body: content.text, isEdit: content.contentId !== null };
}

/** The gate's answer for a decision: the first matched rule with the winning action speaks. */
export function toModerationDecision(decision: Decision): ModerationDecision {
  switch (decision.action) {
    case 'ALLOW':
      return { outcome: 'ALLOW' };
    case 'HOLD':
      return { outcome: 'HOLD', reason: decision.reason ?? '' };
    case 'REJECT':
      return { outcome: 'REJECT', rule: decision.ruleId ?? '', reason: decision.reason ?? '' };
  }
}
