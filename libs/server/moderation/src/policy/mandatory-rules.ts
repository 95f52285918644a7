import { hostIsIn, normalizeDomain } from '../matchers/links';
import { foldTerm } from '../matchers/text-folding';
import { PolicyValidationError } from './policy-validation.error';
import { atLeastAsStrict } from './rule-actions';
import { RuleAction, RuleKind, type NewMemberCriteria, type PolicyVersion, type Rule, type RuleScope } from './policy.types';

// A community adopts the platform's mandatory rules and may tighten them, never loosen them.
//
// - The platform policy marks rules `mandatory: true`; merging puts every one of them into the
//   community's effective policy, first, whatever the community's policy says.
// - Tightening by adding: a community adds its own rules (its own terms, a REJECT where the
//   platform holds, a lower rate limit). The strictest matched action wins, so an added rule
//   can only make decisions stricter.
// - Tightening in place: a community rule with the id of a mandatory rule replaces it when it
//   is at least as strict in every respect (same kind; action, scope and every parameter no
//   looser — see `looseningsOf`). Otherwise it is a loosening.
// - Loosenings are refused when a community saves its policy (`assertNoLoosening` throws
//   BAD_USER_INPUT naming the rule and what is looser) and ignored when policies are merged
//   for evaluation (`mergeWithMandatory` keeps the platform's rule and reports it): a platform
//   change can make a saved override looser after the fact, and writes must keep working.
// - Community rules are never mandatory (the flag is cleared): mandatory findings can only be
//   whitelisted by mandatory ALLOW rules (see evaluate), and a mandatory ALLOW rule cannot be
//   overridden at all.

export interface Loosening {
  ruleId: string;
  /** `rules.<ruleId>.<property>` */
  field: string;
  message: string;
}

export interface MergeResult {
  /** The community's version with the platform's mandatory rules in; `basedOn` names the platform version. */
  policy: PolicyVersion;
  /** Community overrides that were looser than the platform's rule, and were left out. */
  ignored: Loosening[];
}

const DEFAULT_PHONE_MIN_DIGITS = 9;
const DEFAULT_DUPLICATE_MIN_LENGTH = 20;

/** What makes `override` looser than the mandatory rule it replaces; empty when it is at least as strict. */
export function looseningsOf(mandatory: Rule, override: Rule): Loosening[] {
  const out: Loosening[] = [];
  const loose = (property: string, message: string) =>
    out.push({ ruleId: mandatory.id, field: `rules.${mandatory.id}.${property}`, message: `Rule "${mandatory.id}" is mandatory on the platform: ${message}` });

  if (mandatory.action === RuleAction.Allow) {
    loose('action', 'a platform whitelist rule cannot be overridden; add a rule with another id.');
    return out;
  }
  if (override.kind !== mandatory.kind) {
    loose('kind', `it must stay a ${mandatory.kind} rule.`);
    return out;
  }
  if (!atLeastAsStrict(override.action, mandatory.action)) loose('action', `${override.action} is looser than the platform's ${mandatory.action}.`);
  for (const property of ['contentKinds', 'communityAudiences', 'authorAudiences'] as const) {
    if (!scopeCovers(override.scope, mandatory.scope, property)) loose(`scope.${property}`, 'it must apply at least wherever the platform rule applies.');
  }

  const notLess = (property: string, value: number | undefined, floor: number | undefined) => {
    if (floor !== undefined && (value === undefined || value < floor)) loose(property, `must be at least ${floor}.`);
  };
  const notMore = (property: string, value: number | undefined, ceiling: number | undefined) => {
    if (ceiling !== undefined && (value === undefined || value > ceiling)) loose(property, `must be at most ${ceiling}.`);
  };

  switch (mandatory.kind) {
    case RuleKind.BlockedTerms: {
      const o = override as typeof mandatory;
      if (mandatory.profanity && !o.profanity) loose('profanity', 'the profanity list must stay on.');
      const kept = new Set(o.terms.map((t) => foldTerm(t).join(' ')));
      const missing = mandatory.terms.filter((t) => !kept.has(foldTerm(t).join(' ')));
      if (missing.length > 0) loose('terms', `it must keep every platform term (missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}).`);
      break;
    }
    case RuleKind.Pattern: {
      const o = override as typeof mandatory;
      if (o.pattern !== mandatory.pattern || (o.flags ?? '') !== (mandatory.flags ?? '')) loose('pattern', 'the pattern and its flags cannot change (only the action can be made stricter).');
      break;
    }
    case RuleKind.PersonalData: {
      const o = override as typeof mandatory;
      const dropped = mandatory.detect.filter((t) => !o.detect.includes(t));
      if (dropped.length > 0) loose('detect', `it must keep detecting ${dropped.join(', ')}.`);
      const platformAllowed = domainSet(mandatory.allowedEmailDomains);
      const extra = [...domainSet(o.allowedEmailDomains)].filter((d) => !hostIsIn(d, platformAllowed));
      if (extra.length > 0) loose('allowedEmailDomains', `it cannot allow e-mail addresses at ${extra.join(', ')}.`);
      if ((o.phoneMinDigits ?? DEFAULT_PHONE_MIN_DIGITS) > (mandatory.phoneMinDigits ?? DEFAULT_PHONE_MIN_DIGITS)) {
        loose('phoneMinDigits', `must be at most ${mandatory.phoneMinDigits ?? DEFAULT_PHONE_MIN_DIGITS}.`);
      }
      break;
    }
    case RuleKind.Links: {
      const o = override as typeof mandatory;
      const m = domainSet(mandatory.domains);
      const d = domainSet(o.domains);
      if (o.match !== 'ANY' && o.match !== mandatory.match) loose('match', `it must match ${mandatory.match} (or ANY link).`);
      else if (o.match === 'LISTED_DOMAINS') {
        const dropped = [...m].filter((x) => !hostIsIn(x, d));
        if (dropped.length > 0) loose('domains', `it must keep denying ${dropped.join(', ')}.`);
      } else if (o.match === 'UNLISTED_DOMAINS') {
        const added = [...d].filter((x) => !hostIsIn(x, m));
        if (added.length > 0) loose('domains', `it cannot allow ${added.join(', ')}.`);
      }
      if (o.onlyNewMembers) {
        if (!mandatory.onlyNewMembers) loose('onlyNewMembers', 'the platform rule applies to every member.');
        else looserCriteria(o.onlyNewMembers, mandatory.onlyNewMembers, (p, msg) => loose(`onlyNewMembers.${p}`, msg));
      }
      break;
    }
    case RuleKind.NewMember:
      notLess('firstPosts', (override as typeof mandatory).firstPosts, mandatory.firstPosts);
      break;
    case RuleKind.RateLimit: {
      const o = override as typeof mandatory;
      notMore('maxPosts', o.maxPosts, mandatory.maxPosts);
      notLess('windowSeconds', o.windowSeconds, mandatory.windowSeconds);
      break;
    }
    case RuleKind.Duplicate: {
      const o = override as typeof mandatory;
      notMore('maxCopies', o.maxCopies, mandatory.maxCopies);
      notLess('windowSeconds', o.windowSeconds, mandatory.windowSeconds);
      notMore('minLength', o.minLength ?? DEFAULT_DUPLICATE_MIN_LENGTH, mandatory.minLength ?? DEFAULT_DUPLICATE_MIN_LENGTH);
      break;
    }
    case RuleKind.Size: {
      const o = override as typeof mandatory;
      notMore('maxBodyChars', o.maxBodyChars, mandatory.maxBodyChars);
      notLess('minBodyChars', o.minBodyChars, mandatory.minBodyChars);
      notMore('maxTitleChars', o.maxTitleChars, mandatory.maxTitleChars);
      break;
    }
    case RuleKind.Shouting: {
      const o = override as typeof mandatory;
      notMore('minLetters', o.minLetters, mandatory.minLetters);
      notMore('maxUppercaseShare', o.maxUppercaseShare, mandatory.maxUppercaseShare);
      break;
    }
    case RuleKind.GuidelineAcknowledgement:
      if ((override as typeof mandatory).guideline !== mandatory.guideline) loose('guideline', `it must keep requiring "${mandatory.guideline}".`);
      break;
  }
  return out;
}

/** An override's scope must include the platform rule's: no list (everywhere), or a superset. */
function scopeCovers(override: RuleScope | undefined, mandatory: RuleScope | undefined, property: keyof RuleScope): boolean {
  const o = override?.[property] as readonly string[] | undefined;
  if (o === undefined) return true;
  const m = mandatory?.[property] as readonly string[] | undefined;
  return m !== undefined && m.every((x) => o.includes(x));
}

/** New-member criteria are stricter when they make at least the same people new. */
function looserCriteria(o: NewMemberCriteria, m: NewMemberCriteria, loose: (property: string, message: string) => void) {
  if (m.postsBelow !== undefined && (o.postsBelow ?? 0) < m.postsBelow) loose('postsBelow', `must be at least ${m.postsBelow}.`);
  if (m.membershipDaysBelow !== undefined && (o.membershipDaysBelow ?? 0) < m.membershipDaysBelow) loose('membershipDaysBelow', `must be at least ${m.membershipDaysBelow}.`);
}

function domainSet(list: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const entry of list ?? []) set.add(normalizeDomain(entry) ?? entry.trim().toLowerCase());
  return set;
}

const mandatoryRulesOf = (platform: PolicyVersion) => platform.rules.filter((r) => r.mandatory === true);

/** Every way the community's overrides of mandatory rules are looser than the platform's. */
export function findLoosenings(platform: PolicyVersion, community: PolicyVersion): Loosening[] {
  const mandatory = new Map(mandatoryRulesOf(platform).map((r) => [r.id, r]));
  return community.rules.flatMap((r) => {
    const m = mandatory.get(r.id);
    return m ? looseningsOf(m, r) : [];
  });
}

/** For saving a community policy: throws PolicyValidationError (BAD_USER_INPUT) naming each looser rule and property. */
export function assertNoLoosening(platform: PolicyVersion, community: PolicyVersion): void {
  const loosenings = findLoosenings(platform, community);
  if (loosenings.length > 0) throw new PolicyValidationError(loosenings.map(({ field, message }) => ({ field, message })), loosenings[0].ruleId);
}

/**
 * The community's effective policy: the platform's mandatory rules first (each replaced by the
 * community's override when that is at least as strict), then the community's own rules.
 * Looser overrides are ignored and reported; this never throws for them.
 */
export function mergeWithMandatory(platform: PolicyVersion, community: PolicyVersion): MergeResult {
  const mandatory = mandatoryRulesOf(platform);
  const mandatoryIds = new Set(mandatory.map((r) => r.id));
  const overrides = new Map<string, Rule>();
  const ignored: Loosening[] = [];
  for (const rule of community.rules) {
    const m = mandatory.find((r) => r.id === rule.id);
    if (!m) continue;
    const loosenings = looseningsOf(m, rule);
    if (loosenings.length > 0) ignored.push(...loosenings);
    else overrides.set(rule.id, rule);
  }
  const rules: Rule[] = [
    ...mandatory.map((m) => ({ ...(overrides.get(m.id) ?? m), mandatory: true })),
    ...community.rules.filter((r) => !mandatoryIds.has(r.id)).map((r) => ({ ...r, mandatory: false })),
  ];
  return {
    policy: {
      policyId: community.policyId,
      version: community.version,
      rules,
      ...(community.settings ? { settings: community.settings } : {}),
      basedOn: { policyId: platform.policyId, version: platform.version },
    },
    ignored,
  };
}
