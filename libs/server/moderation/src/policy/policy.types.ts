import type { Audience } from '@commons/shared-contracts';

// Everything in this file is plain JSON (strings, numbers, booleans, arrays, objects): a
// PolicyVersion is stored as one JSON document per version and read back as it was written.
// Runtime-only shapes (compiled matchers, Dates in the author context) live elsewhere.

/** What a rule does when it matches. The strictest matched action wins: REJECT > HOLD > ALLOW. */
export const RuleAction = {
  /** Whitelists: what an ALLOW rule matches is exempt from the HOLD/REJECT findings of its layer (see evaluate). */
  Allow: 'ALLOW',
  /** Stored invisible to everyone but the author and moderators until reviewed. */
  Hold: 'HOLD',
  /** Refused with the rule's reason; nothing public is stored. */
  Reject: 'REJECT',
} as const;
export type RuleAction = (typeof RuleAction)[keyof typeof RuleAction];
export const RULE_ACTIONS: readonly RuleAction[] = Object.values(RuleAction);

export const RuleKind = {
  BlockedTerms: 'BLOCKED_TERMS',
  Pattern: 'PATTERN',
  PersonalData: 'PERSONAL_DATA',
  Links: 'LINKS',
  NewMember: 'NEW_MEMBER',
  RateLimit: 'RATE_LIMIT',
  Duplicate: 'DUPLICATE',
  Size: 'SIZE',
  Shouting: 'SHOUTING',
  GuidelineAcknowledgement: 'GUIDELINE_ACKNOWLEDGEMENT',
} as const;
export type RuleKind = (typeof RuleKind)[keyof typeof RuleKind];
export const RULE_KINDS: readonly RuleKind[] = Object.values(RuleKind);

/**
 * Kinds that match spans of the text (a term, a pattern, an e-mail, a link). Only these may
 * be ALLOW rules: an ALLOW rule whitelists by covering the spans other rules matched.
 */
export const TEXT_RULE_KINDS: readonly RuleKind[] = [RuleKind.BlockedTerms, RuleKind.Pattern, RuleKind.PersonalData, RuleKind.Links];

/** Narrows where a rule applies. Absent lists mean "everywhere". */
export interface RuleScope {
  /** Content kinds as the write paths name them: 'forum-thread', 'forum-reply', 'blog-post', 'blog-comment'… */
  contentKinds?: string[];
  /** Audience of the community the content is posted in. */
  communityAudiences?: Audience[];
  /** Audience of the author's account. */
  authorAudiences?: Audience[];
}

/** Who counts as a new member: any criterion that holds makes the author new. */
export interface NewMemberCriteria {
  /** New while the author has fewer than this many accepted posts in the community. */
  postsBelow?: number;
  /** New while the membership is younger than this many days (or the author is not a member). */
  membershipDaysBelow?: number;
}

interface RuleBase {
  /** Stable within a policy across versions: letters, digits, '-' and '_' (decisions and overrides refer to it). */
  id: string;
  action: RuleAction;
  /** Shown to the author when the rule holds or rejects their post. */
  reason: string;
  /** For moderators only (review queue, audit log); never shown to the author. */
  note?: string;
  /**
   * Platform rules only: applies in every community and cannot be loosened (see mergeWithMandatory).
   * Ignored on a community's own rules.
   */
  mandatory?: boolean;
  scope?: RuleScope;
}

/**
 * Word lists. Terms match as whole words (or whole phrases), case-, accent- and
 * obfuscation-insensitively: "Acme" matches "ACME", "Ácme", "@cme", "4cme", "Acmmmme",
 * "A c m e", "a.c.m.e", Cyrillic look-alikes and "Acme's"; "Acmeville" does not match.
 * `profanity` adds the `obscenity` package's English preset (which also matches inside words).
 */
export interface BlockedTermsRule extends RuleBase {
  kind: typeof RuleKind.BlockedTerms;
  terms: string[];
  profanity?: boolean;
}

/** A regular expression (JavaScript syntax), checked for safety when the policy is compiled. */
export interface PatternRule extends RuleBase {
  kind: typeof RuleKind.Pattern;
  pattern: string;
  /** Any of 'i', 'm', 's', 'u'. ('g' is added by the engine.) */
  flags?: string;
}

export const PersonalDataType = {
  Email: 'EMAIL',
  Phone: 'PHONE',
  /** 13–19 digits, optionally grouped by spaces or hyphens, passing the Luhn check. */
  PaymentCard: 'PAYMENT_CARD',
} as const;
export type PersonalDataType = (typeof PersonalDataType)[keyof typeof PersonalDataType];
export const PERSONAL_DATA_TYPES: readonly PersonalDataType[] = Object.values(PersonalDataType);

export interface PersonalDataRule extends RuleBase {
  kind: typeof RuleKind.PersonalData;
  /** Which types this rule detects; give types different actions with several rules. */
  detect: PersonalDataType[];
  /** E-mail addresses at these domains (and their subdomains) are not personal data for this rule, e.g. the organisation's own. */
  allowedEmailDomains?: string[];
  /** Fewest digits a phone number has (default 9, so dates, years and short numbers are not phones). */
  phoneMinDigits?: number;
}

/**
 * Which links a LINKS rule matches. A link is a URL with a scheme ("https://…", "//…") or a
 * name starting "www."; for LISTED_DOMAINS a bare host name ("evil.example", "cdn.evil.example/x")
 * counts too, since a reader can copy it, while "README.md" or "Node.js" do not count as links
 * for ANY and UNLISTED_DOMAINS.
 */
export const LinkMatch = {
  /** Every link. */
  Any: 'ANY',
  /** Links to the listed domains or their subdomains: a denylist with HOLD/REJECT, a whitelist with ALLOW. */
  ListedDomains: 'LISTED_DOMAINS',
  /** Links to any domain not listed (nor a subdomain of one): an allowlist. */
  UnlistedDomains: 'UNLISTED_DOMAINS',
} as const;
export type LinkMatch = (typeof LinkMatch)[keyof typeof LinkMatch];

export interface LinksRule extends RuleBase {
  kind: typeof RuleKind.Links;
  match: LinkMatch;
  domains?: string[];
  /** When set, the rule applies only to new members ("new members may not post links"). */
  onlyNewMembers?: NewMemberCriteria;
}

/** New-member pre-moderation: the author's first `firstPosts` posts in the community match. */
export interface NewMemberRule extends RuleBase {
  kind: typeof RuleKind.NewMember;
  firstPosts: number;
}

/** At most `maxPosts` posts (this one included) by an account in a community within `windowSeconds`. */
export interface RateLimitRule extends RuleBase {
  kind: typeof RuleKind.RateLimit;
  maxPosts: number;
  windowSeconds: number;
}

/**
 * Flood / duplicate detection: at most `maxCopies` posts with the same normalised text (this
 * one included) by an account in a community within `windowSeconds`. Texts shorter than
 * `minLength` normalised characters (default 20: "Thanks!", "+1") are not checked.
 */
export interface DuplicateRule extends RuleBase {
  kind: typeof RuleKind.Duplicate;
  maxCopies: number;
  windowSeconds: number;
  minLength?: number;
}

/** Size limits in characters (Unicode code points) of the Markdown as typed. At least one limit. */
export interface SizeRule extends RuleBase {
  kind: typeof RuleKind.Size;
  maxBodyChars?: number;
  minBodyChars?: number;
  maxTitleChars?: number;
}

/**
 * Shouting: matches when the text has at least `minLetters` cased letters (outside `code`)
 * and the share of upper-case ones among them is greater than `maxUppercaseShare` (0 < share < 1).
 */
export interface ShoutingRule extends RuleBase {
  kind: typeof RuleKind.Shouting;
  minLetters: number;
  maxUppercaseShare: number;
}

/** Posting requires that the author acknowledged the named guidelines (AuthorContext.acknowledgedGuidelines). */
export interface GuidelineAcknowledgementRule extends RuleBase {
  kind: typeof RuleKind.GuidelineAcknowledgement;
  guideline: string;
}

export type Rule =
  | BlockedTermsRule
  | PatternRule
  | PersonalDataRule
  | LinksRule
  | NewMemberRule
  | RateLimitRule
  | DuplicateRule
  | SizeRule
  | ShoutingRule
  | GuidelineAcknowledgementRule;

/** Settings read by the storage and review steps, not by evaluation. */
export interface PolicySettings {
  /** Flags from distinct members that hide content pending review; null: flags never auto-hide. */
  flagsToAutoHide?: number | null;
}

export interface PolicyRef {
  policyId: string;
  version: number;
}

/**
 * One immutable version of a policy: editing a policy stores a new version. Rules are ordered:
 * the order does not change the decision's action (the strictest wins) but decides which
 * rule's reason the author is shown first, and the order of `Decision.matched`.
 */
export interface PolicyVersion extends PolicyRef {
  rules: Rule[];
  settings?: PolicySettings;
  /** Set by mergeWithMandatory: the platform policy version whose mandatory rules are included. */
  basedOn?: PolicyRef;
}

/** What is being posted, as the author typed it. */
export interface Content {
  /** 'forum-thread', 'forum-reply', 'blog-post', 'blog-comment'… (RuleScope.contentKinds). */
  kind: string;
  title?: string | null;
  /** Markdown. */
  body: string;
  /** An edit of existing content: new-member, rate-limit and duplicate rules do not apply to edits. */
  isEdit?: boolean;
}

/** Where a piece of evidence was found; null for rules about the author rather than the text. */
export type EvidenceField = 'title' | 'body' | null;

export interface Evidence {
  field: EvidenceField;
  /**
   * What matched, safe to store and show to moderators: the blocked term as listed, the
   * preset's word, the pattern's match, a masked e-mail/phone/card ("card ending 4242"), the
   * link's host, or a description ("6 posts in 60 s").
   */
  value: string;
  /** The text as written (e.g. "sh1t"), for terms, patterns and links; never for personal data. */
  text?: string;
  /** UTF-16 offsets in the field, for highlighting. */
  start?: number;
  end?: number;
}

export interface RuleMatch {
  ruleId: string;
  kind: RuleKind;
  action: RuleAction;
  reason: string;
  note: string;
  /** A platform rule (mandatory in every community). */
  mandatory: boolean;
  /** At most MAX_EVIDENCE items; `occurrences` counts them all. */
  evidence: Evidence[];
  occurrences: number;
}

/** A HOLD/REJECT finding an ALLOW rule exempted. */
export interface WhitelistedFinding {
  ruleId: string;
  allowedBy: string;
  evidence: Evidence;
}

export interface Decision {
  action: RuleAction;
  /** The author-facing reason: the first matched rule (in policy order) with the winning action; null when allowed. */
  reason: string | null;
  ruleId: string | null;
  /** Every rule that matched after whitelisting, in policy order (ALLOW rules included). */
  matched: RuleMatch[];
  whitelisted: WhitelistedFinding[];
  policyVersion: PolicyRef & { basedOn?: PolicyRef };
  /** Normalised-text fingerprint of this content: store it with the post for later duplicate checks. */
  fingerprint: string;
}
