import type { ApiError, LinkMatch, ModerationRuleAction, ModerationRuleFieldsFragment, ModerationRuleInput, ModerationRuleKind, PersonalDataType } from '@commons/web-data-access';

// The policy editor's model: a rule as its form holds it (text for lists, numbers or null),
// to and from what the API reads and answers, checked like the server checks it.

/** Rule ids as the server takes them: 1–64 letters, digits, "-" or "_", starting with a letter or digit. */
export const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/u;
export const REASON_MAX = 500;
export const NOTE_MAX = 2_000;
/** A week: the longest rate-limit or duplicate window. */
export const WINDOW_MAX_SECONDS = 7 * 24 * 3600;

/** Content kinds as rule scopes name them. */
export const SCOPE_CONTENT_KINDS = ['forum-thread', 'forum-reply', 'blog-post', 'blog-comment'] as const;

export interface RuleForm {
  /** Stable while the form lives (the id itself may be edited). */
  key: string;
  id: string;
  kind: ModerationRuleKind;
  action: ModerationRuleAction;
  reason: string;
  note: string;
  mandatory: boolean;
  /** Content kinds the rule applies to; empty: all. */
  contentKinds: string[];
  /** Kept as loaded: the editor does not change audiences. */
  communityAudiences: string[] | null;
  authorAudiences: string[] | null;
  /** One term per line. */
  terms: string;
  profanity: boolean;
  pattern: string;
  flags: string;
  detect: PersonalDataType[];
  /** One domain per line. */
  allowedEmailDomains: string;
  phoneMinDigits: number | null;
  match: LinkMatch;
  /** One domain per line. */
  domains: string;
  onlyNewMembers: boolean;
  postsBelow: number | null;
  membershipDaysBelow: number | null;
  firstPosts: number | null;
  maxPosts: number | null;
  windowSeconds: number | null;
  maxCopies: number | null;
  minLength: number | null;
  maxBodyChars: number | null;
  minBodyChars: number | null;
  maxTitleChars: number | null;
  minLetters: number | null;
  maxUppercaseShare: number | null;
  guideline: string;
}

/** The properties each kind of rule has besides id, kind, action, reason, note and scope. */
export const KIND_PROPERTIES: Record<ModerationRuleKind, ReadonlyArray<keyof ModerationRuleInput>> = {
  BLOCKED_TERMS: ['terms', 'profanity'],
  PATTERN: ['pattern', 'flags'],
  PERSONAL_DATA: ['detect', 'allowedEmailDomains', 'phoneMinDigits'],
  LINKS: ['match', 'domains', 'onlyNewMembers'],
  NEW_MEMBER: ['firstPosts'],
  RATE_LIMIT: ['maxPosts', 'windowSeconds'],
  DUPLICATE: ['maxCopies', 'windowSeconds', 'minLength'],
  SIZE: ['maxBodyChars', 'minBodyChars', 'maxTitleChars'],
  SHOUTING: ['minLetters', 'maxUppercaseShare'],
  GUIDELINE_ACKNOWLEDGEMENT: ['guideline'],
};

/** Only rules that match spans of text may whitelist (ALLOW). */
export const TEXT_RULE_KINDS: readonly ModerationRuleKind[] = ['BLOCKED_TERMS', 'PATTERN', 'PERSONAL_DATA', 'LINKS'];

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);

let keys = 0;
const nextKey = () => `rule-${++keys}`;

const EMPTY: Omit<RuleForm, 'key' | 'id' | 'kind' | 'action' | 'reason'> = {
  note: '',
  mandatory: false,
  contentKinds: [],
  communityAudiences: null,
  authorAudiences: null,
  terms: '',
  profanity: false,
  pattern: '',
  flags: 'i',
  detect: [],
  allowedEmailDomains: '',
  phoneMinDigits: null,
  match: 'ANY',
  domains: '',
  onlyNewMembers: false,
  postsBelow: null,
  membershipDaysBelow: null,
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
  guideline: '',
};

/** A rule as the API answers it, in its form. */
export function ruleToForm(rule: ModerationRuleFieldsFragment): RuleForm {
  return {
    ...EMPTY,
    key: nextKey(),
    id: rule.id,
    kind: rule.kind,
    action: rule.action,
    reason: rule.reason,
    note: rule.note ?? '',
    mandatory: rule.mandatory,
    contentKinds: [...(rule.scope?.contentKinds ?? [])],
    communityAudiences: rule.scope?.communityAudiences ? [...rule.scope.communityAudiences] : null,
    authorAudiences: rule.scope?.authorAudiences ? [...rule.scope.authorAudiences] : null,
    terms: (rule.terms ?? []).join('\n'),
    profanity: rule.profanity ?? false,
    pattern: rule.pattern ?? '',
    flags: rule.flags ?? '',
    detect: [...(rule.detect ?? [])],
    allowedEmailDomains: (rule.allowedEmailDomains ?? []).join('\n'),
    phoneMinDigits: rule.phoneMinDigits ?? null,
    match: rule.match ?? 'ANY',
    domains: (rule.domains ?? []).join('\n'),
    onlyNewMembers: Boolean(rule.onlyNewMembers),
    postsBelow: rule.onlyNewMembers?.postsBelow ?? null,
    membershipDaysBelow: rule.onlyNewMembers?.membershipDaysBelow ?? null,
    firstPosts: rule.firstPosts ?? null,
    maxPosts: rule.maxPosts ?? null,
    windowSeconds: rule.windowSeconds ?? null,
    maxCopies: rule.maxCopies ?? null,
    minLength: rule.minLength ?? null,
    maxBodyChars: rule.maxBodyChars ?? null,
    minBodyChars: rule.minBodyChars ?? null,
    maxTitleChars: rule.maxTitleChars ?? null,
    minLetters: rule.minLetters ?? null,
    maxUppercaseShare: rule.maxUppercaseShare ?? null,
    guideline: rule.guideline ?? '',
  };
}

const DEFAULTS: Record<ModerationRuleKind, Partial<RuleForm> & { reason: string; action: ModerationRuleAction }> = {
  BLOCKED_TERMS: { action: 'HOLD', reason: 'Your post uses words this community does not allow.' },
  PATTERN: { action: 'HOLD', reason: 'Your post matches something this community reviews first.', flags: 'i' },
  PERSONAL_DATA: { action: 'HOLD', reason: 'Your post seems to contain personal data.', detect: ['EMAIL', 'PHONE', 'PAYMENT_CARD'] },
  LINKS: { action: 'HOLD', reason: 'Posts with links are reviewed first.', match: 'ANY' },
  NEW_MEMBER: { action: 'HOLD', reason: 'The first posts of new members are reviewed first.', firstPosts: 3 },
  RATE_LIMIT: { action: 'HOLD', reason: 'You are posting very quickly; a moderator will look at this one.', maxPosts: 10, windowSeconds: 600 },
  DUPLICATE: { action: 'HOLD', reason: 'You posted the same text several times.', maxCopies: 2, windowSeconds: 3600 },
  SIZE: { action: 'REJECT', reason: 'Your post is longer than this community allows.', maxBodyChars: 20_000 },
  SHOUTING: { action: 'HOLD', reason: 'Please do not write in capitals.', minLetters: 30, maxUppercaseShare: 0.7 },
  GUIDELINE_ACKNOWLEDGEMENT: { action: 'REJECT', reason: 'Please acknowledge the community guidelines before posting.', guideline: '' },
};

/** An id for a new rule of a kind that no rule of the policy has yet: "blocked-terms", "blocked-terms-2"… */
export function newRuleId(kind: ModerationRuleKind, taken: readonly string[]): string {
  const base = kind.toLowerCase().replace(/_/gu, '-');
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new rule of a kind, with values that make sense to start from. */
export function newRule(kind: ModerationRuleKind, taken: readonly string[]): RuleForm {
  return { ...EMPTY, key: nextKey(), id: newRuleId(kind, taken), kind, ...DEFAULTS[kind] };
}

/** The same rule as another kind: what both kinds share stays, the new kind's values start fresh. */
export function changeKind(rule: RuleForm, kind: ModerationRuleKind): RuleForm {
  const fresh = DEFAULTS[kind];
  const action = rule.action === 'ALLOW' && !TEXT_RULE_KINDS.includes(kind) ? fresh.action : rule.action;
  return { ...EMPTY, ...fresh, key: rule.key, id: rule.id, kind, action, reason: rule.reason || fresh.reason, note: rule.note, mandatory: rule.mandatory, contentKinds: rule.contentKinds, communityAudiences: rule.communityAudiences, authorAudiences: rule.authorAudiences };
}

const number = (value: number | null) => value ?? undefined;

/** What the API reads: the common fields and only the properties of the rule's kind. */
export function formToRuleInput(form: RuleForm, { platform = false }: { platform?: boolean } = {}): ModerationRuleInput {
  const scope =
    form.contentKinds.length > 0 || form.communityAudiences || form.authorAudiences
      ? {
          ...(form.contentKinds.length > 0 ? { contentKinds: form.contentKinds } : {}),
          ...(form.communityAudiences ? { communityAudiences: form.communityAudiences } : {}),
          ...(form.authorAudiences ? { authorAudiences: form.authorAudiences } : {}),
        }
      : undefined;
  const input: ModerationRuleInput = {
    id: form.id.trim(),
    kind: form.kind,
    action: form.action,
    reason: form.reason.trim(),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
    ...(platform ? { mandatory: form.mandatory } : {}),
    ...(scope ? { scope } : {}),
  };
  switch (form.kind) {
    case 'BLOCKED_TERMS':
      return { ...input, terms: lines(form.terms), profanity: form.profanity };
    case 'PATTERN':
      return { ...input, pattern: form.pattern, ...(form.flags ? { flags: form.flags } : {}) };
    case 'PERSONAL_DATA':
      return {
        ...input,
        detect: form.detect,
        ...(lines(form.allowedEmailDomains).length ? { allowedEmailDomains: lines(form.allowedEmailDomains) } : {}),
        ...(form.phoneMinDigits !== null ? { phoneMinDigits: form.phoneMinDigits } : {}),
      };
    case 'LINKS':
      return {
        ...input,
        match: form.match,
        ...(form.match !== 'ANY' || lines(form.domains).length ? { domains: lines(form.domains) } : {}),
        ...(form.onlyNewMembers ? { onlyNewMembers: { postsBelow: number(form.postsBelow), membershipDaysBelow: number(form.membershipDaysBelow) } } : {}),
      };
    case 'NEW_MEMBER':
      return { ...input, firstPosts: number(form.firstPosts) };
    case 'RATE_LIMIT':
      return { ...input, maxPosts: number(form.maxPosts), windowSeconds: number(form.windowSeconds) };
    case 'DUPLICATE':
      return { ...input, maxCopies: number(form.maxCopies), windowSeconds: number(form.windowSeconds), ...(form.minLength !== null ? { minLength: form.minLength } : {}) };
    case 'SIZE':
      return { ...input, maxBodyChars: number(form.maxBodyChars), minBodyChars: number(form.minBodyChars), maxTitleChars: number(form.maxTitleChars) };
    case 'SHOUTING':
      return { ...input, minLetters: number(form.minLetters), maxUppercaseShare: number(form.maxUppercaseShare) };
    case 'GUIDELINE_ACKNOWLEDGEMENT':
      return { ...input, guideline: form.guideline.trim() };
  }
}

/** Messages per property of one rule ("terms", "reason"…, and "rule" for the rule as a whole). */
export type RuleErrors = Partial<Record<string, string>>;

const required = (value: number | null, what: string): string | undefined => (value === null ? `Give ${what}.` : value < 1 ? `${what[0].toUpperCase()}${what.slice(1)} is at least 1.` : undefined);

/** The same checks the server makes on a rule's shape, so most mistakes show before sending. */
export function checkRule(form: RuleForm, others: readonly RuleForm[]): RuleErrors {
  const errors: RuleErrors = {};
  const id = form.id.trim();
  if (!RULE_ID.test(id)) errors['id'] = 'Use 1 to 64 letters, digits, “-” or “_”, starting with a letter or digit.';
  else if (others.some((other) => other.key !== form.key && other.id.trim() === id)) errors['id'] = 'Another rule has this id: ids are unique in a policy.';
  if (!form.reason.trim()) errors['reason'] = 'Give the reason the author is shown.';
  else if (form.reason.trim().length > REASON_MAX) errors['reason'] = `Keep the reason to ${REASON_MAX} characters.`;
  if (form.note.length > NOTE_MAX) errors['note'] = `Keep the note to ${NOTE_MAX.toLocaleString('en')} characters.`;
  if (form.action === 'ALLOW' && !TEXT_RULE_KINDS.includes(form.kind)) errors['action'] = 'Only rules about the text (terms, patterns, personal data, links) can allow.';
  const window = (value: number | null) => required(value, 'a window in seconds') ?? (value !== null && value > WINDOW_MAX_SECONDS ? 'The window is at most a week (604,800 seconds).' : undefined);
  const put = (property: string, message: string | undefined) => {
    if (message) errors[property] = message;
  };
  switch (form.kind) {
    case 'BLOCKED_TERMS':
      if (lines(form.terms).length === 0 && !form.profanity) errors['terms'] = 'List at least one term (one per line), or match profanity.';
      else put('terms', lines(form.terms).some((term) => term.length > 100) ? 'Each term is at most 100 characters.' : undefined);
      break;
    case 'PATTERN':
      if (!form.pattern) errors['pattern'] = 'Give a regular expression.';
      else if (form.pattern.length > 500) errors['pattern'] = 'Keep the pattern to 500 characters.';
      else {
        try {
          new RegExp(form.pattern, `${form.flags.replace(/[^imsu]/gu, '')}`);
        } catch {
          errors['pattern'] = 'This is not a valid regular expression.';
        }
      }
      put('flags', /^[imsu]{0,4}$/u.test(form.flags) ? undefined : 'Flags are any of i, m, s and u.');
      break;
    case 'PERSONAL_DATA':
      put('detect', form.detect.length === 0 ? 'Choose at least one kind of personal data.' : undefined);
      put('phoneMinDigits', form.phoneMinDigits !== null && (form.phoneMinDigits < 6 || form.phoneMinDigits > 15) ? 'Between 6 and 15 digits.' : undefined);
      break;
    case 'LINKS':
      put('domains', form.match !== 'ANY' && lines(form.domains).length === 0 ? 'List the domains (one per line).' : undefined);
      put('onlyNewMembers', form.onlyNewMembers && form.postsBelow === null && form.membershipDaysBelow === null ? 'Say who counts as new: fewer posts than, or a membership younger than.' : undefined);
      break;
    case 'NEW_MEMBER':
      put('firstPosts', required(form.firstPosts, 'how many first posts'));
      break;
    case 'RATE_LIMIT':
      put('maxPosts', required(form.maxPosts, 'the most posts'));
      put('windowSeconds', window(form.windowSeconds));
      break;
    case 'DUPLICATE':
      put('maxCopies', required(form.maxCopies, 'the most copies'));
      put('windowSeconds', window(form.windowSeconds));
      break;
    case 'SIZE':
      if (form.maxBodyChars === null && form.minBodyChars === null && form.maxTitleChars === null) errors['maxBodyChars'] = 'Set at least one limit.';
      break;
    case 'SHOUTING':
      put('minLetters', required(form.minLetters, 'the fewest letters'));
      put('maxUppercaseShare', form.maxUppercaseShare === null || form.maxUppercaseShare <= 0 || form.maxUppercaseShare >= 1 ? 'A share between 0 and 1, e.g. 0.7.' : undefined);
      break;
    case 'GUIDELINE_ACKNOWLEDGEMENT':
      put('guideline', form.guideline.trim() ? undefined : 'Name the guideline to acknowledge.');
      break;
  }
  return errors;
}

/**
 * The server's messages about one rule: its fields are named `rules.<ruleId>.<property>` (or
 * `rules[<index>].<property>` when the id itself is wrong). Nested properties ("terms.3",
 * "onlyNewMembers.postsBelow") land on the field that shows them.
 */
export function serverRuleErrors(error: ApiError | null, rule: RuleForm, index: number): RuleErrors {
  const errors: RuleErrors = {};
  if (!error) return errors;
  const prefixes = [`rules.${rule.id.trim()}.`, `rules[${index}].`, `rules.${index}.`];
  for (const { field, message } of error.fields) {
    const prefix = prefixes.find((p) => field.startsWith(p));
    if (!prefix) continue;
    const path = field.slice(prefix.length).split('.');
    const property = path[0] === 'onlyNewMembers' ? 'onlyNewMembers' : path[0] === 'scope' ? 'contentKinds' : path[0];
    // 'Rule "x": terms — Too long' reads as "Too long" next to the field.
    const bare = message.replace(/^Rule (?:"[^"]*"|\d+): (?:[\w.[\]]+ — )?/u, '');
    const short = bare.charAt(0).toUpperCase() + bare.slice(1);
    errors[property] = errors[property] ? `${errors[property]} ${short}` : short;
  }
  return errors;
}

/** Whether a server error names a field of some rule (shown next to it rather than above the form). */
export const isRuleField = (field: string): boolean => /^rules(\.|\[)/u.test(field);

/** Moves a rule up (-1) or down (+1); the order decides which reason the author reads first. */
export function moveRule<T>(rules: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= rules.length) return [...rules];
  const next = [...rules];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export interface PropertyChange {
  property: string;
  before: string;
  after: string;
}

export interface VersionDiff {
  added: ModerationRuleFieldsFragment[];
  removed: ModerationRuleFieldsFragment[];
  changed: Array<{ id: string; changes: PropertyChange[] }>;
  /** Rules present in both whose place in the order changed. */
  reordered: boolean;
}

const COMPARED: ReadonlyArray<keyof ModerationRuleFieldsFragment> = [
  'kind',
  'action',
  'reason',
  'note',
  'mandatory',
  'scope',
  'terms',
  'profanity',
  'pattern',
  'flags',
  'detect',
  'allowedEmailDomains',
  'phoneMinDigits',
  'match',
  'domains',
  'onlyNewMembers',
  'firstPosts',
  'maxPosts',
  'windowSeconds',
  'maxCopies',
  'minLength',
  'maxBodyChars',
  'minBodyChars',
  'maxTitleChars',
  'minLetters',
  'maxUppercaseShare',
  'guideline',
];

/** A property's value in words for the diff: lists joined, objects as their set fields, nothing as "—". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== '__typename' && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([key, v]) => `${key}: ${showValue(v)}`);
    return parts.length ? parts.join('; ') : '—';
  }
  return String(value);
}

/** What changed from one version's rules to another's, rule by rule (rules are matched by id). */
export function diffRules(from: readonly ModerationRuleFieldsFragment[], to: readonly ModerationRuleFieldsFragment[]): VersionDiff {
  const before = new Map(from.map((rule) => [rule.id, rule]));
  const after = new Map(to.map((rule) => [rule.id, rule]));
  const changed: VersionDiff['changed'] = [];
  for (const rule of to) {
    const old = before.get(rule.id);
    if (!old) continue;
    const changes = COMPARED.flatMap((property) => {
      const a = showValue(old[property]);
      const b = showValue(rule[property]);
      return a === b ? [] : [{ property, before: a, after: b }];
    });
    if (changes.length) changed.push({ id: rule.id, changes });
  }
  const kept = (rules: readonly ModerationRuleFieldsFragment[], other: Map<string, unknown>) => rules.filter((r) => other.has(r.id)).map((r) => r.id);
  return {
    added: to.filter((rule) => !before.has(rule.id)),
    removed: from.filter((rule) => !after.has(rule.id)),
    changed,
    reordered: kept(from, after).join('\n') !== kept(to, before).join('\n'),
  };
}
