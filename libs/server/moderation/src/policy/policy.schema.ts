import { z } from 'zod';
import { AUDIENCES, type Audience } from '@commons/shared-contracts';
import { PolicyValidationError } from './policy-validation.error';
import { PERSONAL_DATA_TYPES, RULE_ACTIONS, RuleKind, type PersonalDataType, type PolicyVersion, type RuleAction } from './policy.types';

// The shape of a stored policy version. Compilation checks the meaning on top (unique ids,
// safe patterns, valid domains, ALLOW only on text rules).

export const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/u;
export const LIMITS = {
  rules: 500,
  terms: 20_000,
  termLength: 100,
  domains: 5_000,
  patternLength: 500,
  reasonLength: 500,
  noteLength: 2_000,
  /** A week: the longest rate-limit or duplicate window. */
  windowSeconds: 7 * 24 * 3600,
} as const;

const count = (max: number) => z.number().int().min(1).max(max);
const audiences = z.array(z.enum(AUDIENCES as [Audience, ...Audience[]]));

const base = {
  id: z.string().regex(RULE_ID, 'Rule ids are 1–64 letters, digits, "-" or "_", starting with a letter or digit.'),
  action: z.enum(RULE_ACTIONS as [RuleAction, ...RuleAction[]]),
  reason: z.string().trim().min(1, 'A reason shown to the author is required.').max(LIMITS.reasonLength),
  note: z.string().max(LIMITS.noteLength).optional(),
  mandatory: z.boolean().optional(),
  scope: z
    .strictObject({
      contentKinds: z.array(z.string().min(1).max(64)).optional(),
      communityAudiences: audiences.optional(),
      authorAudiences: audiences.optional(),
    })
    .optional(),
};

const newMemberCriteria = z
  .strictObject({ postsBelow: count(10_000).optional(), membershipDaysBelow: count(3650).optional() })
  .refine((c) => c.postsBelow !== undefined || c.membershipDaysBelow !== undefined, 'Give postsBelow, membershipDaysBelow or both.');

const domains = z.array(z.string().min(1).max(253)).max(LIMITS.domains);

const rule = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.BlockedTerms),
    terms: z.array(z.string().trim().min(1).max(LIMITS.termLength)).max(LIMITS.terms),
    profanity: z.boolean().optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.Pattern),
    pattern: z.string().min(1).max(LIMITS.patternLength),
    flags: z.string().regex(/^[imsu]{0,4}$/u, 'Flags are any of i, m, s and u.').optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.PersonalData),
    detect: z.array(z.enum(PERSONAL_DATA_TYPES as [PersonalDataType, ...PersonalDataType[]])).min(1),
    allowedEmailDomains: domains.optional(),
    phoneMinDigits: z.number().int().min(6).max(15).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.Links),
    match: z.enum(['ANY', 'LISTED_DOMAINS', 'UNLISTED_DOMAINS']),
    domains: domains.optional(),
    onlyNewMembers: newMemberCriteria.optional(),
  }),
  z.strictObject({ ...base, kind: z.literal(RuleKind.NewMember), firstPosts: count(1_000) }),
  z.strictObject({ ...base, kind: z.literal(RuleKind.RateLimit), maxPosts: count(10_000), windowSeconds: count(LIMITS.windowSeconds) }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.Duplicate),
    maxCopies: count(1_000),
    windowSeconds: count(LIMITS.windowSeconds),
    minLength: z.number().int().min(0).max(10_000).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.Size),
    maxBodyChars: count(1_000_000).optional(),
    minBodyChars: count(1_000_000).optional(),
    maxTitleChars: count(10_000).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal(RuleKind.Shouting),
    minLetters: count(100_000),
    maxUppercaseShare: z.number().gt(0).lt(1),
  }),
  z.strictObject({ ...base, kind: z.literal(RuleKind.GuidelineAcknowledgement), guideline: z.string().trim().min(1).max(100) }),
]);

const ref = z.strictObject({ policyId: z.string().min(1).max(100), version: z.number().int().min(0) });

export const policyVersionSchema = z.strictObject({
  ...ref.shape,
  rules: z.array(rule).max(LIMITS.rules),
  settings: z.strictObject({ flagsToAutoHide: z.number().int().min(1).max(1_000).nullable().optional() }).optional(),
  basedOn: ref.optional(),
});

/**
 * Checks the shape of a policy version (from JSON, a form, the database) and returns it
 * typed; throws PolicyValidationError naming the rule and property otherwise.
 */
export function parsePolicyVersion(input: unknown): PolicyVersion {
  const result = policyVersionSchema.safeParse(input);
  if (result.success) {
    const parsed: PolicyVersion = result.data;
    return parsed;
  }
  const rules = typeof input === 'object' && input !== null && Array.isArray((input as { rules?: unknown }).rules) ? (input as { rules: unknown[] }).rules : [];
  let firstRuleId: string | null = null;
  const fields = result.error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path.map(String);
    if (head !== 'rules' || index === undefined) return { field: issue.path.map(String).join('.') || 'policy', message: issue.message };
    const candidate = rules[Number(index)];
    const id = typeof candidate === 'object' && candidate !== null ? (candidate as { id?: unknown }).id : undefined;
    const named = typeof id === 'string' && RULE_ID.test(id);
    if (named && firstRuleId === null) firstRuleId = id;
    const property = rest.join('.') || 'rule';
    return named
      ? { field: `rules.${id}.${property}`, message: `Rule "${id}": ${property} — ${issue.message}` }
      : { field: `rules[${index}].${property}`, message: `Rule ${Number(index) + 1}: ${property} — ${issue.message}` };
  });
  throw new PolicyValidationError(fields, firstRuleId);
}
