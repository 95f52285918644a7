import type { ApiError, ModerationRuleFieldsFragment } from '@commons/web-data-access';
import { changeKind, checkRule, diffRules, formToRuleInput, isRuleField, moveRule, newRule, newRuleId, ruleToForm, serverRuleErrors, showValue } from './rule-model';

const NULLS = {
  note: null,
  scope: null,
  terms: null,
  profanity: null,
  pattern: null,
  flags: null,
  detect: null,
  allowedEmailDomains: null,
  phoneMinDigits: null,
  match: null,
  domains: null,
  onlyNewMembers: null,
  firstPosts: null,
  maxPosts: null,
  windowSeconds: null,
  maxCopies: null,
  minLength: null,
  maxBodyChars: null,
  minBodyChars: null,
  maxTitleChars: null,
  minLetters: null,
  maxUppercaseShare: null,
  guideline: null,
};

const rule = (fields: Partial<ModerationRuleFieldsFragment> & Pick<ModerationRuleFieldsFragment, 'id' | 'kind'>): ModerationRuleFieldsFragment => ({
  action: 'HOLD',
  reason: 'Checked first.',
  mandatory: false,
  ...NULLS,
  ...fields,
});

describe('rule forms', () => {
  it('round-trips a rule through its form, sending only its kind’s properties', () => {
    const terms = rule({ id: 'competitors', kind: 'BLOCKED_TERMS', terms: ['Acme', 'Globex'], note: 'Vendors', scope: { contentKinds: ['forum-reply'], communityAudiences: null, authorAudiences: null } });
    const form = ruleToForm(terms);
    expect(form.terms).toBe('Acme\nGlobex');
    expect(formToRuleInput({ ...form, pattern: 'ignored', firstPosts: 3 })).toEqual({
      id: 'competitors',
      kind: 'BLOCKED_TERMS',
      action: 'HOLD',
      reason: 'Checked first.',
      note: 'Vendors',
      scope: { contentKinds: ['forum-reply'] },
      terms: ['Acme', 'Globex'],
      profanity: false,
    });
  });

  it('reads lists one per line, leaving blank lines out, and new-member criteria only when asked for', () => {
    const links = { ...newRule('LINKS', []), match: 'LISTED_DOMAINS' as const, domains: ' evil.example \n\n spam.example', onlyNewMembers: true, postsBelow: 3 };
    expect(formToRuleInput(links)).toMatchObject({ kind: 'LINKS', match: 'LISTED_DOMAINS', domains: ['evil.example', 'spam.example'], onlyNewMembers: { postsBelow: 3 } });
    expect(formToRuleInput({ ...links, onlyNewMembers: false })).not.toHaveProperty('onlyNewMembers');
  });

  it('sends "mandatory" only for the platform policy', () => {
    const form = { ...newRule('SIZE', []), mandatory: true };
    expect(formToRuleInput(form)).not.toHaveProperty('mandatory');
    expect(formToRuleInput(form, { platform: true })).toMatchObject({ mandatory: true });
  });

  it('gives new rules ids no other rule has', () => {
    expect(newRuleId('BLOCKED_TERMS', [])).toBe('blocked-terms');
    expect(newRuleId('BLOCKED_TERMS', ['blocked-terms', 'blocked-terms-2'])).toBe('blocked-terms-3');
    expect(newRule('RATE_LIMIT', [])).toMatchObject({ id: 'rate-limit', maxPosts: 10, windowSeconds: 600 });
  });

  it('keeps what kinds share when the kind changes, and drops an ALLOW the new kind cannot have', () => {
    const allow = { ...newRule('BLOCKED_TERMS', []), action: 'ALLOW' as const, reason: 'Our own product names', note: 'n' };
    const changed = changeKind(allow, 'RATE_LIMIT');
    expect(changed).toMatchObject({ id: allow.id, key: allow.key, kind: 'RATE_LIMIT', action: 'HOLD', reason: 'Our own product names', note: 'n', maxPosts: 10 });
    expect(changeKind(allow, 'PATTERN').action).toBe('ALLOW');
  });
});

describe('checkRule', () => {
  it('checks ids, reasons and each kind’s settings like the server', () => {
    const a = newRule('BLOCKED_TERMS', []);
    expect(checkRule({ ...a, id: '-bad', reason: ' ' }, [a])).toEqual({
      id: 'Use 1 to 64 letters, digits, “-” or “_”, starting with a letter or digit.',
      reason: 'Give the reason the author is shown.',
      terms: 'List at least one term (one per line), or match profanity.',
    });
    expect(checkRule({ ...a, terms: 'acme' }, [a])).toEqual({});
    const b = { ...newRule('PATTERN', []), id: a.id, pattern: '(unclosed' };
    expect(checkRule(b, [a, b])).toMatchObject({ id: expect.stringContaining('Another rule'), pattern: 'This is not a valid regular expression.' });
    expect(checkRule({ ...newRule('RATE_LIMIT', []), windowSeconds: 700_000 }, [])).toEqual({ windowSeconds: 'The window is at most a week (604,800 seconds).' });
    expect(checkRule({ ...newRule('SHOUTING', []), maxUppercaseShare: 1 }, [])).toEqual({ maxUppercaseShare: 'A share between 0 and 1, e.g. 0.7.' });
    expect(checkRule({ ...newRule('SIZE', []), maxBodyChars: null }, [])).toEqual({ maxBodyChars: 'Set at least one limit.' });
    expect(checkRule({ ...newRule('NEW_MEMBER', []), action: 'ALLOW' }, [])).toEqual({ action: expect.stringContaining('Only rules about the text') });
  });
});

describe('serverRuleErrors', () => {
  const error = (fields: Array<{ field: string; message: string }>): ApiError => ({ code: 'BAD_USER_INPUT', message: 'Invalid', fields });

  it('puts the server’s messages next to the rule and field they name, by id or by position', () => {
    const form = { ...newRule('BLOCKED_TERMS', []), id: 'codes' };
    const found = serverRuleErrors(
      error([
        { field: 'rules.codes.pattern', message: 'Rule "codes": pattern — This pattern may be slow.' },
        { field: 'rules.codes.terms.3', message: 'Too long.' },
        { field: 'rules.codes.flags', message: 'Rule "codes": the flags are not allowed.' },
        { field: 'rules.other.reason', message: 'Not this one.' },
        { field: 'rules[2].id', message: 'Rule 3: id — Bad id.' },
        { field: 'rules.codes.onlyNewMembers.postsBelow', message: 'At least 1.' },
      ]),
      form,
      2,
    );
    expect(found).toEqual({ pattern: 'This pattern may be slow.', terms: 'Too long.', flags: 'The flags are not allowed.', id: 'Bad id.', onlyNewMembers: 'At least 1.' });
    expect(serverRuleErrors(null, form, 0)).toEqual({});
    expect(isRuleField('rules.codes.pattern')).toBe(true);
    expect(isRuleField('rules[0].id')).toBe(true);
    expect(isRuleField('note')).toBe(false);
  });
});

describe('moveRule', () => {
  it('swaps a rule with its neighbour and stays put at the ends', () => {
    expect(moveRule(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRule(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRule(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('diffRules', () => {
  it('lists rules added, removed and changed (by id, property by property) and notices a new order', () => {
    const before = [rule({ id: 'a', kind: 'BLOCKED_TERMS', terms: ['x'] }), rule({ id: 'b', kind: 'NEW_MEMBER', firstPosts: 1 }), rule({ id: 'c', kind: 'SIZE', maxBodyChars: 10 })];
    const after = [rule({ id: 'b', kind: 'NEW_MEMBER', firstPosts: 3, action: 'REJECT' }), rule({ id: 'a', kind: 'BLOCKED_TERMS', terms: ['x'] }), rule({ id: 'd', kind: 'SHOUTING', minLetters: 5, maxUppercaseShare: 0.5 })];
    const diff = diffRules(before, after);
    expect(diff.added.map((r) => r.id)).toEqual(['d']);
    expect(diff.removed.map((r) => r.id)).toEqual(['c']);
    expect(diff.changed).toEqual([
      {
        id: 'b',
        changes: [
          { property: 'action', before: 'HOLD', after: 'REJECT' },
          { property: 'firstPosts', before: '1', after: '3' },
        ],
      },
    ]);
    expect(diff.reordered).toBe(true);
    expect(diffRules(before, before)).toEqual({ added: [], removed: [], changed: [], reordered: false });
  });

  it('shows values in words', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(['a', 'b'])).toBe('a, b');
    expect(showValue({ __typename: 'NewMemberCriteria', postsBelow: 3, membershipDaysBelow: null })).toBe('postsBelow: 3');
  });
});
