import { contentOfModerated, toModerationDecision } from './gate-adapter';
import type { Decision } from './policy/policy.types';

const decision = (action: Decision['action'], ruleId: string | null, reason: string | null): Decision => ({
  action,
  ruleId,
  reason,
  matched: [],
  whitelisted: [],
  policyVersion: { policyId: 'p', version: 1 },
  fingerprint: 'f',
});

describe('gate adapter', () => {
  it("maps a decision to ModerationGate's answer", () => {
    expect(toModerationDecision(decision('ALLOW', null, null))).toEqual({ outcome: 'ALLOW' });
    expect(toModerationDecision(decision('HOLD', 'first-posts', 'Reviewed first.'))).toEqual({ outcome: 'HOLD', reason: 'Reviewed first.' });
    expect(toModerationDecision(decision('REJECT', 'cards', 'No cards.'))).toEqual({ outcome: 'REJECT', rule: 'cards', reason: 'No cards.' });
  });

  it("builds the engine's content from what the gate receives", () => {
    const author = { accountId: 'a', sessionId: 's', role: 'MEMBER', audience: 'EMPLOYEE' } as const;
    expect(contentOfModerated({ kind: 'forum-reply', communityId: 'c', author, text: 'hi', contentId: 'r1' })).toEqual({ kind: 'forum-reply', body: 'hi', isEdit: true });
  });
});
