import { fingerprintOfWords } from '../matchers/fingerprint';
import { findLinks, hostIsIn, type LinkHit } from '../matchers/links';
import { redactCardNumbers, scanPersonalData, type PersonalDataScan } from '../matchers/personal-data';
import type { ProfanityHit } from '../matchers/profanity';
import { findPatternMatches } from '../matchers/safe-pattern';
import { tokenize, type TokenizedText } from '../matchers/text-folding';
import { codePointLength, countCase } from '../matchers/text-stats';
import type { AuthorContext } from '../policy/author-context';
import {
  LinkMatch,
  PersonalDataType,
  RuleAction,
  RuleKind,
  type Content,
  type Decision,
  type Evidence,
  type NewMemberCriteria,
  type Rule,
  type RuleMatch,
  type WhitelistedFinding,
} from '../policy/policy.types';
import { stricter } from '../policy/rule-actions';
import type { CompiledPolicy, CompiledRule } from './compile-policy';

/** Evidence items kept per matched rule (RuleMatch.occurrences counts them all). */
export const MAX_EVIDENCE = 10;
/** Longest quoted text in evidence. */
const MAX_QUOTE = 100;
const DAY_MS = 86_400_000;

interface Field {
  name: 'title' | 'body';
  text: string;
  tokens: TokenizedText;
  links?: LinkHit[];
  personal?: PersonalDataScan;
}

/** Everything computed once per evaluation and shared by the rules that need it. */
class Analysis {
  readonly fields: Field[];
  private termHits: Map<number, Evidence[]> | undefined;
  private profanityHits: Evidence[] | undefined;

  constructor(
    private readonly policy: CompiledPolicy,
    content: Content,
  ) {
    this.fields = [];
    if (content.title) this.fields.push({ name: 'title', text: content.title, tokens: tokenize(content.title) });
    this.fields.push({ name: 'body', text: content.body, tokens: tokenize(content.body) });
  }

  /** Blocked-term evidence of one rule (all rules' terms are looked up together, once). */
  terms(rule: number): Evidence[] {
    if (!this.termHits) {
      this.termHits = new Map();
      for (const field of this.fields) {
        for (const hit of this.policy.terms.find(field.tokens)) {
          const list = this.termHits.get(hit.entry.rule) ?? [];
          list.push({ field: field.name, value: hit.entry.term, text: quote(field.text.slice(hit.start, hit.end)), start: hit.start, end: hit.end });
          this.termHits.set(hit.entry.rule, list);
        }
      }
    }
    return this.termHits.get(rule) ?? [];
  }

  /** The profanity preset's evidence: the text as written, and spaced-out letters ("s h i t") joined. */
  profanity(): Evidence[] {
    if (!this.profanityHits) {
      const matcher = this.policy.profanity;
      const hits: Evidence[] = [];
      if (matcher) {
        const add = (field: Field, hit: ProfanityHit, start: number, end: number) =>
          hits.push({ field: field.name, value: hit.word, text: quote(field.text.slice(start, end)), start, end });
        for (const field of this.fields) {
          for (const hit of matcher.find(field.text)) add(field, hit, hit.start, hit.end);
          for (const run of field.tokens.spacedRuns) {
            const joined = run.map((t) => t.key).join('');
            for (const hit of matcher.find(joined)) {
              const start = run[hit.start].start;
              const end = run[hit.end - 1].end;
              if (!hits.some((h) => h.field === field.name && h.start !== undefined && h.start <= start && end <= (h.end ?? 0))) add(field, hit, start, end);
            }
          }
        }
      }
      this.profanityHits = hits;
    }
    return this.profanityHits;
  }

  links(field: Field): LinkHit[] {
    field.links ??= findLinks(field.text);
    return field.links;
  }

  personal(field: Field): PersonalDataScan {
    field.personal ??= scanPersonalData(field.text);
    return field.personal;
  }
}

function quote(text: string): string {
  const redacted = redactCardNumbers(text);
  return redacted.length > MAX_QUOTE ? `${redacted.slice(0, MAX_QUOTE - 1)}…` : redacted;
}

function inScope(rule: Rule, content: Content, author: AuthorContext): boolean {
  const scope = rule.scope;
  if (!scope) return true;
  if (scope.contentKinds && !scope.contentKinds.includes(content.kind)) return false;
  if (scope.communityAudiences && !scope.communityAudiences.includes(author.communityAudience)) return false;
  if (scope.authorAudiences && !scope.authorAudiences.includes(author.authorAudience)) return false;
  return true;
}

/** New when any criterion holds: fewer accepted posts than `postsBelow`, or a younger (or no) membership. */
export function isNewMember(criteria: NewMemberCriteria, author: AuthorContext): boolean {
  if (criteria.postsBelow !== undefined && author.postsInCommunity < criteria.postsBelow) return true;
  if (criteria.membershipDaysBelow !== undefined) {
    if (author.memberSince === null) return true;
    if (author.now.getTime() - author.memberSince.getTime() < criteria.membershipDaysBelow * DAY_MS) return true;
  }
  return false;
}

/** Posts in (now − windowSeconds, now]. */
function postsWithin(author: AuthorContext, windowSeconds: number, fingerprint?: string): number {
  const now = author.now.getTime();
  const from = now - windowSeconds * 1000;
  let count = 0;
  for (const post of author.recentPosts) {
    const at = post.at.getTime();
    if (at > from && at <= now && (fingerprint === undefined || post.fingerprint === fingerprint)) count++;
  }
  return count;
}

function findingsOf(entry: CompiledRule, analysis: Analysis, content: Content, author: AuthorContext, fingerprint: { value: string; length: number }): Evidence[] {
  const { rule } = entry;
  const creating = content.isEdit !== true;
  switch (rule.kind) {
    case RuleKind.BlockedTerms:
      return rule.profanity ? [...analysis.terms(entry.index), ...analysis.profanity()] : analysis.terms(entry.index);

    case RuleKind.Pattern: {
      const out: Evidence[] = [];
      for (const field of analysis.fields) {
        for (const hit of findPatternMatches(entry.regex as RegExp, field.text, 1_000)) {
          const text = quote(hit.text);
          out.push({ field: field.name, value: text, text, start: hit.start, end: hit.end });
        }
      }
      return out;
    }

    case RuleKind.PersonalData: {
      const out: Evidence[] = [];
      const allowed = entry.domains as ReadonlySet<string>;
      for (const field of analysis.fields) {
        const scan = analysis.personal(field);
        const hits = [
          ...(rule.detect.includes(PersonalDataType.Email) ? scan.emails.filter((e) => !hostIsIn(e.domain, allowed)) : []),
          ...(rule.detect.includes(PersonalDataType.Phone) ? scan.phones(rule.phoneMinDigits ?? 9) : []),
          ...(rule.detect.includes(PersonalDataType.PaymentCard) ? scan.cards : []),
        ].sort((a, b) => a.start - b.start);
        for (const hit of hits) out.push({ field: field.name, value: hit.masked, start: hit.start, end: hit.end });
      }
      return out;
    }

    case RuleKind.Links: {
      if (rule.onlyNewMembers && !isNewMember(rule.onlyNewMembers, author)) return [];
      const domains = entry.domains as ReadonlySet<string>;
      const out: Evidence[] = [];
      for (const field of analysis.fields) {
        for (const link of analysis.links(field)) {
          // Bare domains ("example.com", "README.md") count for denylists only: a reader does not click them.
          const matches =
            rule.match === LinkMatch.ListedDomains ? hostIsIn(link.host, domains) : link.explicit && (rule.match === LinkMatch.Any || !hostIsIn(link.host, domains));
          if (matches) out.push({ field: field.name, value: link.host, text: quote(link.text), start: link.start, end: link.end });
        }
      }
      return out;
    }

    case RuleKind.NewMember:
      return creating && author.postsInCommunity < rule.firstPosts
        ? [{ field: null, value: `post ${author.postsInCommunity + 1} of the first ${rule.firstPosts} in this community` }]
        : [];

    case RuleKind.RateLimit: {
      if (!creating) return [];
      const posts = postsWithin(author, rule.windowSeconds) + 1;
      return posts > rule.maxPosts ? [{ field: null, value: `${posts} posts in ${rule.windowSeconds} s (limit ${rule.maxPosts})` }] : [];
    }

    case RuleKind.Duplicate: {
      if (!creating || fingerprint.length < (rule.minLength ?? 20)) return [];
      const copies = postsWithin(author, rule.windowSeconds, fingerprint.value) + 1;
      return copies > rule.maxCopies ? [{ field: null, value: `${copies} identical posts in ${rule.windowSeconds} s (limit ${rule.maxCopies})` }] : [];
    }

    case RuleKind.Size: {
      const out: Evidence[] = [];
      const body = analysis.fields.find((f) => f.name === 'body') as Field;
      const title = analysis.fields.find((f) => f.name === 'title');
      // UTF-16 length ≥ code points: only count code points when the quick length is over a maximum.
      if (rule.maxBodyChars !== undefined && body.text.length > rule.maxBodyChars) {
        const length = codePointLength(body.text);
        if (length > rule.maxBodyChars) out.push({ field: 'body', value: `${length} characters (limit ${rule.maxBodyChars})` });
      }
      if (rule.minBodyChars !== undefined) {
        const length = codePointLength(body.text.trim());
        if (length < rule.minBodyChars) out.push({ field: 'body', value: `${length} characters (minimum ${rule.minBodyChars})` });
      }
      if (rule.maxTitleChars !== undefined && title && title.text.length > rule.maxTitleChars) {
        const length = codePointLength(title.text);
        if (length > rule.maxTitleChars) out.push({ field: 'title', value: `${length} characters (limit ${rule.maxTitleChars})` });
      }
      return out;
    }

    case RuleKind.Shouting: {
      const count = { upper: 0, letters: 0 };
      for (const field of analysis.fields) countCase(field.text, count);
      if (count.letters < rule.minLetters || count.upper / count.letters <= rule.maxUppercaseShare) return [];
      const share = Math.round((100 * count.upper) / count.letters);
      return [{ field: null, value: `${share}% upper case over ${count.letters} letters (limit ${Math.round(rule.maxUppercaseShare * 100)}%)` }];
    }

    case RuleKind.GuidelineAcknowledgement:
      return author.acknowledgedGuidelines?.includes(rule.guideline) ? [] : [{ field: null, value: `guidelines "${rule.guideline}" not acknowledged` }];
  }
}

function covers(allow: Evidence, finding: Evidence): boolean {
  return (
    allow.field !== null &&
    allow.field === finding.field &&
    allow.start !== undefined &&
    finding.start !== undefined &&
    allow.start <= finding.start &&
    (finding.end ?? finding.start) <= (allow.end ?? allow.start)
  );
}

/**
 * Evaluates content against a compiled policy. Pure: same inputs, same decision; no I/O and
 * no clock (the time is `author.now`).
 *
 * - Every rule in scope is checked; the decision's action is the strictest among matched
 *   rules (REJECT > HOLD > ALLOW), ALLOW when none match.
 * - Whitelisting: an ALLOW rule (terms, pattern, personal data or links) exempts every
 *   HOLD/REJECT finding of the same layer whose span lies inside one of its own matches, in
 *   the same field — ALLOW "Acme Tools" exempts the competitor term "Acme" there, ALLOW links
 *   to docs.example.com exempt them from "new members may not post links". Layers: platform
 *   (mandatory) ALLOW rules exempt only mandatory findings, community ALLOW rules only
 *   community findings — a community cannot whitelist what the platform requires, and the
 *   platform's exceptions do not loosen a community's own lists. Findings about the author or
 *   the text as a whole (new member, rate limit, duplicate, size, shouting, guidelines) have
 *   no span and are never whitelisted. Exempted findings are listed in `whitelisted`.
 */
export function evaluate(policy: CompiledPolicy, content: Content, author: AuthorContext): Decision {
  const analysis = new Analysis(policy, content);
  const fingerprint = fingerprintOfWords(analysis.fields.map((f) => f.tokens));

  const findings: { entry: CompiledRule; evidence: Evidence[] }[] = [];
  for (const entry of policy.rules) {
    if (!inScope(entry.rule, content, author)) continue;
    const evidence = findingsOf(entry, analysis, content, author, fingerprint);
    if (evidence.length > 0) findings.push({ entry, evidence });
  }

  const whitelisted: WhitelistedFinding[] = [];
  const allows = findings.filter((f) => f.entry.rule.action === RuleAction.Allow);
  if (allows.length > 0) {
    for (const f of findings) {
      if (f.entry.rule.action === RuleAction.Allow) continue;
      const sameLayer = allows.filter((a) => a.entry.mandatory === f.entry.mandatory);
      if (sameLayer.length === 0) continue;
      f.evidence = f.evidence.filter((e) => {
        const by = sameLayer.find((a) => a.evidence.some((allow) => covers(allow, e)));
        if (by) whitelisted.push({ ruleId: f.entry.rule.id, allowedBy: by.entry.rule.id, evidence: e });
        return !by;
      });
    }
  }

  const matched: RuleMatch[] = [];
  let action: RuleAction = RuleAction.Allow;
  for (const { entry, evidence } of findings) {
    if (evidence.length === 0) continue;
    const { rule } = entry;
    matched.push({
      ruleId: rule.id,
      kind: rule.kind,
      action: rule.action,
      reason: rule.reason,
      note: rule.note ?? '',
      mandatory: entry.mandatory,
      evidence: evidence.slice(0, MAX_EVIDENCE),
      occurrences: evidence.length,
    });
    action = stricter(action, rule.action);
  }
  const primary = action === RuleAction.Allow ? undefined : matched.find((m) => m.action === action);

  return {
    action,
    reason: primary?.reason ?? null,
    ruleId: primary?.ruleId ?? null,
    matched,
    whitelisted,
    policyVersion: policy.ref,
    fingerprint: fingerprint.value,
  };
}
