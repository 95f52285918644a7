import type { FieldErrorDetail } from '@commons/shared-contracts';
import { normalizeDomain } from '../matchers/links';
import { ProfanityMatcher } from '../matchers/profanity';
import { compileSafePattern } from '../matchers/safe-pattern';
import { TermIndex } from '../matchers/term-index';
import { PolicyValidationError } from '../policy/policy-validation.error';
import { parsePolicyVersion } from '../policy/policy.schema';
import { RuleAction, RuleKind, TEXT_RULE_KINDS, type PolicyRef, type PolicyVersion, type Rule } from '../policy/policy.types';

/** What the store must compute for a policy before evaluating (so it queries no more than needed). */
/**
 * One count a rule makes over the author's recent posts: those of the last `seconds` (of the
 * same text when `sameText`). The rule only asks whether there are `limit` of them, so a store
 * can hand over at most `limit` (the latest) and the answer stays the same.
 */
export interface RecentPostsCount {
  seconds: number;
  limit: number;
  sameText: boolean;
}

export interface PolicyRequirements {
  /** How far back AuthorContext.recentPosts must reach (the longest rate-limit/duplicate window); 0: not needed. */
  lookbackSeconds: number;
  /** The counts rate-limit and duplicate rules make (distinct); recentPosts may hold only the posts these need. */
  recentCounts: RecentPostsCount[];
  /** Some rule reads AuthorContext.postsInCommunity. */
  needsPostCount: boolean;
  /** The largest post-count threshold of those rules: counting can stop there (a count at or above it is "not new"). */
  postCountBelow: number;
  /** Some rule reads AuthorContext.memberSince. */
  needsMembership: boolean;
  /** Guideline keys some rule requires (AuthorContext.acknowledgedGuidelines). */
  guidelines: string[];
}

/** A rule with what compiling it built. */
export interface CompiledRule {
  index: number;
  rule: Rule;
  mandatory: boolean;
  /** PATTERN: the checked expression, global. */
  regex?: RegExp;
  /** LINKS: the normalised domains; PERSONAL_DATA: the allowed e-mail domains. */
  domains?: ReadonlySet<string>;
}

/** A policy version ready to evaluate: built once per version (see PolicyCache), immutable, shared. */
export class CompiledPolicy {
  constructor(
    /** The validated version it was compiled from. */
    readonly source: PolicyVersion,
    readonly rules: readonly CompiledRule[],
    /** Every blocked term of every rule, one index. */
    readonly terms: TermIndex,
    /** The obscenity English preset, when a rule turns it on. */
    readonly profanity: ProfanityMatcher | null,
    readonly requirements: PolicyRequirements,
  ) {}

  get ref(): PolicyRef & { basedOn?: PolicyRef } {
    const { policyId, version, basedOn } = this.source;
    return basedOn ? { policyId, version, basedOn: { ...basedOn } } : { policyId, version };
  }
}

export interface CompileOptions {
  /**
   * Run the adversarial timing probes on PATTERN rules (default true). Probing costs a few ms
   * per pattern; a version that was probed when it was saved can be compiled without them on
   * the write path (every other check still runs).
   */
  probePatterns?: boolean;
}

/**
 * Validates a policy version and builds its matchers: the term index, checked regular
 * expressions, normalised domain sets. Throws PolicyValidationError listing every problem,
 * each field named `rules.<ruleId>.<property>`.
 */
export function compilePolicy(input: PolicyVersion, options: CompileOptions = {}): CompiledPolicy {
  const version = parsePolicyVersion(input);
  const problems: FieldErrorDetail[] = [];
  let firstRule: string | null = null;
  const problem = (rule: Rule, property: string, message: string) => {
    firstRule ??= rule.id;
    problems.push({ field: `rules.${rule.id}.${property}`, message: `Rule "${rule.id}": ${message}` });
  };

  const terms = new TermIndex();
  let profanity = false;
  const ids = new Set<string>();
  const compiled: CompiledRule[] = [];
  const requirements: PolicyRequirements = { lookbackSeconds: 0, recentCounts: [], needsPostCount: false, postCountBelow: 0, needsMembership: false, guidelines: [] };

  const domainSet = (rule: Rule, property: string, list: readonly string[] | undefined) => {
    const set = new Set<string>();
    for (const entry of list ?? []) {
      const domain = normalizeDomain(entry);
      if (domain === null) problem(rule, property, `"${entry}" is not a domain name.`);
      else set.add(domain);
    }
    return set;
  };

  version.rules.forEach((rule, index) => {
    if (ids.has(rule.id)) problem(rule, 'id', 'another rule of the policy has the same id.');
    ids.add(rule.id);
    if (rule.action === RuleAction.Allow && !TEXT_RULE_KINDS.includes(rule.kind)) {
      problem(rule, 'action', `ALLOW whitelists what a text rule matches (${TEXT_RULE_KINDS.join(', ')}); a ${rule.kind} rule can only HOLD or REJECT.`);
    }
    const entry: CompiledRule = { index, rule, mandatory: rule.mandatory === true };
    switch (rule.kind) {
      case RuleKind.BlockedTerms: {
        if (rule.terms.length === 0 && !rule.profanity) problem(rule, 'terms', 'list at least one term or turn on the profanity list.');
        for (const term of rule.terms) if (!terms.add(index, term)) problem(rule, 'terms', `"${term}" has fewer than two letters once folded, and would match noise.`);
        profanity ||= rule.profanity === true;
        break;
      }
      case RuleKind.Pattern: {
        const result = compileSafePattern(rule.pattern, rule.flags, options.probePatterns !== false);
        if (result instanceof RegExp) entry.regex = result;
        else problem(rule, result.property, result.message);
        break;
      }
      case RuleKind.PersonalData:
        entry.domains = domainSet(rule, 'allowedEmailDomains', rule.allowedEmailDomains);
        break;
      case RuleKind.Links:
        if (rule.match === 'ANY' && (rule.domains?.length ?? 0) > 0) problem(rule, 'domains', 'a rule matching ANY link takes no domains.');
        if (rule.match !== 'ANY' && (rule.domains?.length ?? 0) === 0) problem(rule, 'domains', `${rule.match} needs at least one domain.`);
        entry.domains = domainSet(rule, 'domains', rule.domains);
        if (rule.onlyNewMembers?.postsBelow !== undefined) {
          requirements.needsPostCount = true;
          requirements.postCountBelow = Math.max(requirements.postCountBelow, rule.onlyNewMembers.postsBelow);
        }
        if (rule.onlyNewMembers?.membershipDaysBelow !== undefined) requirements.needsMembership = true;
        break;
      case RuleKind.NewMember:
        requirements.needsPostCount = true;
        requirements.postCountBelow = Math.max(requirements.postCountBelow, rule.firstPosts);
        break;
      case RuleKind.RateLimit:
      case RuleKind.Duplicate: {
        requirements.lookbackSeconds = Math.max(requirements.lookbackSeconds, rule.windowSeconds);
        const count = rule.kind === RuleKind.RateLimit ? { seconds: rule.windowSeconds, limit: rule.maxPosts, sameText: false } : { seconds: rule.windowSeconds, limit: rule.maxCopies, sameText: true };
        const known = requirements.recentCounts.some((c) => c.seconds === count.seconds && c.limit === count.limit && c.sameText === count.sameText);
        if (!known) requirements.recentCounts.push(count);
        break;
      }
      case RuleKind.Size:
        if (rule.maxBodyChars === undefined && rule.minBodyChars === undefined && rule.maxTitleChars === undefined) problem(rule, 'maxBodyChars', 'give at least one limit.');
        if (rule.maxBodyChars !== undefined && rule.minBodyChars !== undefined && rule.minBodyChars > rule.maxBodyChars) problem(rule, 'minBodyChars', 'the minimum is above the maximum.');
        break;
      case RuleKind.Shouting:
        break;
      case RuleKind.GuidelineAcknowledgement:
        if (!requirements.guidelines.includes(rule.guideline)) requirements.guidelines.push(rule.guideline);
        break;
    }
    compiled.push(entry);
  });

  if (problems.length > 0) throw new PolicyValidationError(problems, firstRule);
  return new CompiledPolicy(version, compiled, terms, profanity ? ProfanityMatcher.shared() : null, requirements);
}
