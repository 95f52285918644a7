import { compilePolicy } from '../engine/compile-policy';
import { evaluate } from '../engine/evaluate';
import { aPolicy, aPost, anAuthor, secondsAgo } from '../testing/fixtures';
import { assertNoLoosening, findLoosenings, mergeWithMandatory } from './mandatory-rules';
import { PolicyValidationError } from './policy-validation.error';
import type { PolicyVersion, Rule } from './policy.types';

const cards: Rule = { id: 'cards', kind: 'PERSONAL_DATA', action: 'HOLD', reason: 'Card numbers are reviewed.', detect: ['PAYMENT_CARD'], mandatory: true };
const slurs: Rule = { id: 'slurs', kind: 'BLOCKED_TERMS', action: 'REJECT', reason: 'Not here.', terms: ['badword', 'other bad'], profanity: true, mandatory: true };
const rate: Rule = { id: 'rate', kind: 'RATE_LIMIT', action: 'REJECT', reason: 'Too fast.', maxPosts: 10, windowSeconds: 60, mandatory: true };
const denied: Rule = { id: 'denied', kind: 'LINKS', action: 'REJECT', reason: 'Blocked site.', match: 'LISTED_DOMAINS', domains: ['evil.example'], mandatory: true };
const platformDocs: Rule = { id: 'platform-docs', kind: 'LINKS', action: 'ALLOW', reason: 'Ours.', match: 'LISTED_DOMAINS', domains: ['commons.example'], mandatory: true };
const suggested: Rule = { id: 'suggested-caps', kind: 'SHOUTING', action: 'HOLD', reason: 'Shouting.', minLetters: 20, maxUppercaseShare: 0.8 };

const platform: PolicyVersion = { policyId: 'platform', version: 4, rules: [cards, slurs, rate, denied, platformDocs, suggested] };
const community = (rules: Rule[]): PolicyVersion => aPolicy(rules, { policyId: 'customers', version: 2 });

describe('mergeWithMandatory', () => {
  it('puts the platform mandatory rules first, then the community rules, and names both versions', () => {
    const own: Rule = { id: 'competitors', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'r', terms: ['Acme'] };
    const { policy, ignored } = mergeWithMandatory(platform, community([own]));
    expect(ignored).toEqual([]);
    expect(policy.rules.map((r) => [r.id, r.mandatory])).toEqual([
      ['cards', true],
      ['slurs', true],
      ['rate', true],
      ['denied', true],
      ['platform-docs', true],
      ['competitors', false],
    ]);
    expect(policy).toMatchObject({ policyId: 'customers', version: 2, basedOn: { policyId: 'platform', version: 4 } });
  });

  it('leaves out non-mandatory platform rules (defaults are adopted by copying them)', () => {
    expect(mergeWithMandatory(platform, community([])).policy.rules.map((r) => r.id)).not.toContain('suggested-caps');
  });

  it('accepts an override that tightens a mandatory rule', () => {
    const stricter: Rule[] = [
      { ...cards, mandatory: undefined, action: 'REJECT', detect: ['PAYMENT_CARD', 'EMAIL'], reason: 'Never post card numbers here.' },
      { ...rate, mandatory: undefined, maxPosts: 5, windowSeconds: 120 },
      { ...slurs, mandatory: undefined, terms: ['BADWORD', 'other-bad', 'more'] },
      { ...denied, mandatory: undefined, match: 'ANY', domains: undefined },
    ];
    const { policy, ignored } = mergeWithMandatory(platform, community(stricter));
    expect(ignored).toEqual([]);
    expect(policy.rules.find((r) => r.id === 'cards')).toMatchObject({ action: 'REJECT', mandatory: true, reason: 'Never post card numbers here.' });
    expect(policy.rules.find((r) => r.id === 'rate')).toMatchObject({ maxPosts: 5, windowSeconds: 120, mandatory: true });
  });

  it('ignores a loosening override, keeps the platform rule and reports why', () => {
    const looser: Rule[] = [
      { ...cards, action: 'ALLOW' },
      { ...rate, maxPosts: 50 },
      { ...slurs, terms: ['badword'], profanity: false },
      { ...denied, domains: ['other.example'] },
    ];
    const { policy, ignored } = mergeWithMandatory(platform, community(looser));
    expect(policy.rules.filter((r) => r.mandatory)).toEqual([cards, slurs, rate, denied, platformDocs]);
    expect(ignored.map((l) => l.field)).toEqual([
      'rules.cards.action',
      'rules.rate.maxPosts',
      'rules.slurs.profanity',
      'rules.slurs.terms',
      'rules.denied.domains',
    ]);
    expect(ignored[1].message).toBe('Rule "rate" is mandatory on the platform: must be at most 10.');
  });

  it('treats a narrower scope, another kind or overriding a platform whitelist as loosening', () => {
    const loosenings = findLoosenings(
      platform,
      community([
        { ...cards, scope: { communityAudiences: ['CUSTOMER'] } },
        { id: 'rate', kind: 'SIZE', action: 'REJECT', reason: 'r', maxBodyChars: 10 },
        { ...platformDocs, action: 'REJECT' },
      ]),
    );
    expect(loosenings.map((l) => l.field)).toEqual(['rules.cards.scope.communityAudiences', 'rules.rate.kind', 'rules.platform-docs.action']);
  });

  it('never makes a community rule mandatory', () => {
    const sneaky: Rule = { id: 'allow-all-links', kind: 'LINKS', action: 'ALLOW', reason: 'r', match: 'LISTED_DOMAINS', domains: ['evil.example'], mandatory: true };
    const { policy } = mergeWithMandatory(platform, community([sneaky]));
    expect(policy.rules.find((r) => r.id === 'allow-all-links')?.mandatory).toBe(false);
    // …so its ALLOW cannot whitelist the platform's denylist.
    const decision = evaluate(compilePolicy(policy), aPost('see https://evil.example'), anAuthor());
    expect(decision.action).toBe('REJECT');
    expect(decision.ruleId).toBe('denied');
  });

  it('evaluates the merged policy: a loosened rule still applies as the platform wrote it', () => {
    const { policy } = mergeWithMandatory(platform, community([{ ...rate, maxPosts: 50 }]));
    const recentPosts = Array.from({ length: 10 }, (_, i) => ({ at: secondsAgo(i + 1), fingerprint: `f${i}` }));
    const decision = evaluate(compilePolicy(policy), aPost('one more'), anAuthor({ recentPosts }));
    expect(decision).toMatchObject({ action: 'REJECT', ruleId: 'rate', policyVersion: { policyId: 'customers', version: 2, basedOn: { policyId: 'platform', version: 4 } } });
  });
});

describe('assertNoLoosening', () => {
  it('passes a community policy that only tightens or adds', () => {
    expect(() => assertNoLoosening(platform, community([{ ...cards, action: 'REJECT' }, { id: 'own', kind: 'NEW_MEMBER', action: 'HOLD', reason: 'r', firstPosts: 3 }]))).not.toThrow();
  });

  it('refuses a loosening with BAD_USER_INPUT naming the rule and property', () => {
    let error: unknown;
    try {
      assertNoLoosening(platform, community([{ ...rate, windowSeconds: 30 }]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', ruleId: 'rate', fields: [{ field: 'rules.rate.windowSeconds', message: expect.stringContaining('at least 60') }] });
  });
});
