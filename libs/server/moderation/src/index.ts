// The moderation policy engine: pure functions over plain-JSON policy versions. Storage,
// GraphQL and the ModerationGate implementation build on this.
export * from './policy/policy.types';
export type { AuthorContext, RecentPost } from './policy/author-context';
export { PolicyValidationError } from './policy/policy-validation.error';
export { parsePolicyVersion, LIMITS as POLICY_LIMITS } from './policy/policy.schema';
export { stricter, atLeastAsStrict } from './policy/rule-actions';
export { mergeWithMandatory, assertNoLoosening, findLoosenings, looseningsOf, type Loosening, type MergeResult } from './policy/mandatory-rules';
export { compilePolicy, CompiledPolicy, type CompiledRule, type CompileOptions, type PolicyRequirements } from './engine/compile-policy';
export { evaluate, isNewMember, MAX_EVIDENCE } from './engine/evaluate';
export { PolicyCache, policyCacheKey } from './engine/policy-cache';
export { contentFingerprint } from './matchers/fingerprint';
export { passesLuhn } from './matchers/personal-data';
export { ModerationModule, moderationEntities } from './moderation.module';
export { ModerationService } from './gate/moderation.service';
export { AuditLog } from './audit/audit-log';
export { DryRunService } from './dry-run/dry-run.service';
export { DEFAULT_POLICIES, governingAudience } from './policies/default-policies';
export { PolicyStore } from './policies/policy.store';
export { QueueActivity } from './review/queue-activity';
// Word matching shared with analytics' listening (brand and competitor mentions).
export { tokenize, foldTerm, type TokenizedText } from './matchers/text-folding';
export { TermIndex, type TermHit } from './matchers/term-index';
