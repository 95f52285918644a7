import { ValidationError } from '@commons/server-core';
import { PolicyValidationError } from '../policy/policy-validation.error';
import type { PolicyVersion, Rule } from '../policy/policy.types';
import { aPolicy } from '../testing/fixtures';
import { compilePolicy } from './compile-policy';

const pattern = (id: string, source: string, flags?: string): Rule => ({ id, kind: 'PATTERN', action: 'HOLD', reason: 'Reviewed.', pattern: source, ...(flags ? { flags } : {}) });

/** The error compiling throws, or a failure when it does not. */
function refusal(policy: PolicyVersion): PolicyValidationError {
  try {
    compilePolicy(policy);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
  throw new Error('The policy compiled.');
}

describe('compilePolicy', () => {
  it('compiles a policy of every kind and says what the store must provide', () => {
    const compiled = compilePolicy(
      aPolicy([
        { id: 'terms', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'r', terms: ['Acme'], profanity: true },
        pattern('codes', '\\bPRJ-\\d{4}\\b'),
        { id: 'pii', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'r', detect: ['EMAIL', 'PHONE', 'PAYMENT_CARD'] },
        { id: 'links', kind: 'LINKS', action: 'HOLD', reason: 'r', match: 'ANY', onlyNewMembers: { membershipDaysBelow: 3 } },
        { id: 'first', kind: 'NEW_MEMBER', action: 'HOLD', reason: 'r', firstPosts: 2 },
        { id: 'minute', kind: 'RATE_LIMIT', action: 'REJECT', reason: 'r', maxPosts: 5, windowSeconds: 60 },
        { id: 'hour', kind: 'RATE_LIMIT', action: 'REJECT', reason: 'r', maxPosts: 30, windowSeconds: 3600 },
        { id: 'dupes', kind: 'DUPLICATE', action: 'HOLD', reason: 'r', maxCopies: 1, windowSeconds: 600 },
        { id: 'size', kind: 'SIZE', action: 'REJECT', reason: 'r', maxBodyChars: 20_000 },
        { id: 'caps', kind: 'SHOUTING', action: 'HOLD', reason: 'r', minLetters: 20, maxUppercaseShare: 0.7 },
        { id: 'ack', kind: 'GUIDELINE_ACKNOWLEDGEMENT', action: 'REJECT', reason: 'r', guideline: 'social-media' },
      ]),
    );
    expect(compiled.rules).toHaveLength(11);
    expect(compiled.requirements).toEqual({
      lookbackSeconds: 3600,
      // What the store must hand over: at most the latest 5 of the last minute, 30 of the hour, and 1 copy of the same text in 10 minutes.
      recentCounts: [
        { seconds: 60, limit: 5, sameText: false },
        { seconds: 3600, limit: 30, sameText: false },
        { seconds: 600, limit: 1, sameText: true },
      ],
      needsPostCount: true,
      postCountBelow: expect.any(Number),
      needsMembership: true,
      guidelines: ['social-media'],
    });
    expect(compiled.ref).toEqual({ policyId: 'community-policy', version: 1 });
  });

  it('refuses an invalid regular expression with a ValidationError naming the rule', () => {
    const error = refusal(aPolicy([pattern('ok', 'fine'), pattern('code-names', 'PRJ-(\\d{4}')]));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.ruleId).toBe('code-names');
    expect(error.fields).toEqual([{ field: 'rules.code-names.pattern', message: expect.stringMatching(/^Rule "code-names": the pattern is not a valid regular expression/u) }]);
  });

  it('refuses catastrophic-backtracking patterns, naming the rule', () => {
    for (const source of ['(a+)+b', '^(\\w+\\s?)*$', '(x|x)*y']) {
      const error = refusal(aPolicy([pattern('greedy', source)]));
      expect(error.ruleId).toBe('greedy');
      expect(error.message).toMatch(/^Rule "greedy": .*catastrophic backtracking/u);
    }
  });

  it('lists every problem at once', () => {
    const error = refusal(
      aPolicy([
        pattern('bad-flags', 'x', 'ii'),
        { id: 'bad-domains', kind: 'LINKS', action: 'REJECT', reason: 'r', match: 'LISTED_DOMAINS', domains: ['not a domain'] },
        { id: 'noise', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'r', terms: ['x', 'C++'] },
        { id: 'noise', kind: 'SIZE', action: 'HOLD', reason: 'r', maxBodyChars: 10, minBodyChars: 20 },
        { id: 'allow-size', kind: 'SIZE', action: 'ALLOW', reason: 'r', maxBodyChars: 10 },
      ]),
    );
    expect(error.fields.map((f) => f.field)).toEqual([
      'rules.bad-flags.flags',
      'rules.bad-domains.domains',
      'rules.noise.terms',
      'rules.noise.terms',
      'rules.noise.id',
      'rules.noise.minBodyChars',
      'rules.allow-size.action',
    ]);
  });

  it('refuses a malformed policy from JSON with the rule and property named', () => {
    const json = JSON.parse(
      '{"policyId":"p","version":1,"rules":[{"id":"limit","kind":"RATE_LIMIT","action":"REJECT","reason":"r","maxPosts":0,"windowSeconds":60},{"kind":"NOPE","id":"?"}]}',
    ) as PolicyVersion;
    const error = refusal(json);
    expect(error.ruleId).toBe('limit');
    expect(error.fields.map((f) => f.field)).toEqual(['rules.limit.maxPosts', 'rules[1].kind']);
  });

  it('compiles 5,000 blocked terms into one index', () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${i.toString(36)}x`);
    const compiled = compilePolicy(aPolicy([{ id: 'many', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'r', terms }]));
    expect(compiled.terms.isEmpty).toBe(false);
  });
});

describe('compilePolicy without probes', () => {
  it('still refuses invalid and nested-quantifier patterns, only skipping the timing probes', () => {
    const pattern = (source: string): Rule => ({ id: 'p', kind: 'PATTERN', action: 'HOLD', reason: 'r', pattern: source });
    expect(() => compilePolicy(aPolicy([pattern('(')]), { probePatterns: false })).toThrow('not a valid regular expression');
    expect(() => compilePolicy(aPolicy([pattern('(a+)+$')]), { probePatterns: false })).toThrow('catastrophic');
    expect(() => compilePolicy(aPolicy([pattern('(x|x)*y')]), { probePatterns: false })).not.toThrow();
    expect(() => compilePolicy(aPolicy([pattern('(x|x)*y')]))).toThrow('takes too long');
  });
});
