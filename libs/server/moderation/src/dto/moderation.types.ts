import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ContentKindEnum, ModerationStateEnum, ReadableWithParent } from '@commons/server-graphql';
import type { Audience, AppealStatus, AppealTarget, ContentKind, DryRunStatus, FlagReason, ModerationState, PolicyScope, QueueSource, QueueStatus, SanctionKind } from '@commons/shared-contracts';
import type { LinkMatch, PersonalDataType, RuleAction, RuleKind } from '../policy/policy.types';
import {
  AppealStatusEnum,
  AppealTargetEnum,
  DryRunStatusEnum,
  FlagReasonEnum,
  LinkMatchEnum,
  PersonalDataTypeEnum,
  PolicyScopeEnum,
  QueueSourceEnum,
  QueueStatusEnum,
  RuleActionEnum,
  RuleKindEnum,
  SanctionKindEnum,
} from './moderation-enums';

// Every type here is returned by a query or mutation that checked the viewer's right to it
// (moderator of the community, manager, admin, or the author themself), so fields read with the parent.

@ObjectType('ModerationPerson')
@ReadableWithParent()
export class ModerationPersonType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType('ModerationRuleScope')
@ReadableWithParent()
export class RuleScopeType {
  @Field(() => [String], { nullable: true, description: 'Content kinds (forum-thread, forum-reply, blog-post, blog-comment); null: all.' })
  contentKinds?: string[];

  @Field(() => [String], { nullable: true })
  communityAudiences?: Audience[];

  @Field(() => [String], { nullable: true })
  authorAudiences?: Audience[];
}

@ObjectType('NewMemberCriteria')
@ReadableWithParent()
export class NewMemberCriteriaType {
  @Field(() => Int, { nullable: true })
  postsBelow?: number;

  @Field(() => Int, { nullable: true })
  membershipDaysBelow?: number;
}

/** One rule, whatever its kind: the fields of other kinds are null. */
@ObjectType('ModerationRule')
@ReadableWithParent()
export class RuleType {
  @Field()
  id: string;

  @Field(() => RuleKindEnum)
  kind: RuleKind;

  @Field(() => RuleActionEnum)
  action: RuleAction;

  @Field({ description: 'Shown to the author.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'For moderators only.' })
  note?: string;

  @Field({ description: 'A platform rule: applies in every community; communities may only tighten it.' })
  mandatory: boolean;

  @Field(() => RuleScopeType, { nullable: true })
  scope?: RuleScopeType;

  @Field(() => [String], { nullable: true })
  terms?: string[];

  @Field(() => Boolean, { nullable: true })
  profanity?: boolean;

  @Field(() => String, { nullable: true })
  pattern?: string;

  @Field(() => String, { nullable: true })
  flags?: string;

  @Field(() => [PersonalDataTypeEnum], { nullable: true })
  detect?: PersonalDataType[];

  @Field(() => [String], { nullable: true })
  allowedEmailDomains?: string[];

  @Field(() => Int, { nullable: true })
  phoneMinDigits?: number;

  @Field(() => LinkMatchEnum, { nullable: true })
  match?: LinkMatch;

  @Field(() => [String], { nullable: true })
  domains?: string[];

  @Field(() => NewMemberCriteriaType, { nullable: true })
  onlyNewMembers?: NewMemberCriteriaType;

  @Field(() => Int, { nullable: true })
  firstPosts?: number;

  @Field(() => Int, { nullable: true })
  maxPosts?: number;

  @Field(() => Int, { nullable: true })
  windowSeconds?: number;

  @Field(() => Int, { nullable: true })
  maxCopies?: number;

  @Field(() => Int, { nullable: true })
  minLength?: number;

  @Field(() => Int, { nullable: true })
  maxBodyChars?: number;

  @Field(() => Int, { nullable: true })
  minBodyChars?: number;

  @Field(() => Int, { nullable: true })
  maxTitleChars?: number;

  @Field(() => Int, { nullable: true })
  minLetters?: number;

  @Field(() => Float, { nullable: true })
  maxUppercaseShare?: number;

  @Field(() => String, { nullable: true })
  guideline?: string;
}

@ObjectType('ModerationPolicyVersion')
@ReadableWithParent()
export class PolicyVersionType {
  @Field(() => ID)
  policyId: string;

  @Field(() => Int)
  version: number;

  @Field(() => [RuleType])
  rules: RuleType[];

  @Field(() => Int, { nullable: true, description: 'Flags from distinct members that hide a post pending review; null: flags never hide.' })
  flagsToAutoHide: number | null;

  @Field()
  note: string;

  @Field(() => ModerationPersonType, { nullable: true })
  createdBy: ModerationPersonType | null;

  @Field()
  createdAt: Date;

  @Field({ description: 'The version writes are judged by.' })
  active: boolean;
}

@ObjectType('ModerationPolicy')
@ReadableWithParent()
export class PolicyType {
  @Field(() => ID)
  id: string;

  @Field(() => PolicyScopeEnum)
  scope: PolicyScope;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  audience: Audience | null;

  @Field(() => ID, { nullable: true })
  communityId: string | null;

  @Field(() => Int, { nullable: true })
  activeVersion: number | null;

  @Field(() => Int)
  latestVersion: number;

  @Field(() => [PolicyVersionType], { description: 'Newest first.' })
  versions: PolicyVersionType[];
}

@ObjectType('CommunityModerationPermissions')
@ReadableWithParent()
export class CommunityModerationPermissionsType {
  @Field({ description: 'Review the queue, sanction, decide appeals, read the audit log.' })
  moderate: boolean;

  @Field({ description: 'Adopt and edit the community policy, dry-run and activate versions.' })
  managePolicy: boolean;
}

@ObjectType('CommunityModeration', { description: "A community's moderation: the policy that governs it and the platform rules it cannot loosen." })
@ReadableWithParent()
export class CommunityModerationType {
  @Field(() => ID)
  communityId: string;

  @Field()
  communityName: string;

  @Field({ description: 'The community has its own policy (else its audience default governs).' })
  adopted: boolean;

  @Field(() => PolicyType, { description: 'The governing policy: the community’s own once adopted, else its audience default.' })
  policy: PolicyType;

  @Field(() => [RuleType], { description: "The platform's mandatory rules, merged into every community's policy." })
  platformRules: RuleType[];

  @Field(() => Int)
  pendingCount: number;

  @Field(() => CommunityModerationPermissionsType)
  viewerCan: CommunityModerationPermissionsType;
}

@ObjectType('ModerationEvidence')
@ReadableWithParent()
export class EvidenceType {
  @Field(() => String, { nullable: true, description: 'title, body, or null for rules about the author.' })
  field: string | null;

  @Field()
  value: string;

  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => Int, { nullable: true })
  start?: number;

  @Field(() => Int, { nullable: true })
  end?: number;
}

@ObjectType('ModerationRuleMatch')
@ReadableWithParent()
export class RuleMatchType {
  @Field()
  ruleId: string;

  @Field(() => RuleKindEnum)
  kind: RuleKind;

  @Field(() => RuleActionEnum)
  action: RuleAction;

  @Field()
  reason: string;

  @Field()
  note: string;

  @Field()
  mandatory: boolean;

  @Field(() => [EvidenceType])
  evidence: EvidenceType[];

  @Field(() => Int)
  occurrences: number;
}

@ObjectType('ModerationDecision')
@ReadableWithParent()
export class DecisionType {
  @Field(() => ID, { nullable: true, description: 'Null for a decision that was only tested, not recorded.' })
  id: string | null;

  @Field(() => RuleActionEnum)
  action: RuleAction;

  @Field(() => String, { nullable: true })
  ruleId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => [RuleMatchType])
  matched: RuleMatchType[];

  @Field(() => ID)
  policyId: string;

  @Field(() => Int)
  policyVersion: number;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;
}

@ObjectType('ContentFlag')
@ReadableWithParent()
export class FlagType {
  @Field(() => FlagReasonEnum)
  reason: FlagReason;

  @Field()
  detail: string;

  @Field(() => ModerationPersonType)
  flagger: ModerationPersonType;

  @Field()
  createdAt: Date;
}

@ObjectType('Sanction')
@ReadableWithParent()
export class SanctionType {
  @Field(() => ID)
  id: string;

  @Field(() => ModerationPersonType)
  account: ModerationPersonType;

  @Field(() => ID, { nullable: true, description: 'Null for a platform suspension.' })
  communityId: string | null;

  @Field(() => SanctionKindEnum)
  kind: SanctionKind;

  @Field()
  reason: string;

  @Field(() => Date, { nullable: true })
  endsAt: Date | null;

  @Field(() => ModerationPersonType)
  createdBy: ModerationPersonType;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field({ description: 'In force now (a warning never restricts).' })
  active: boolean;
}

@ObjectType('AuthorModerationHistory')
@ReadableWithParent()
export class AuthorHistoryType {
  @Field(() => Int)
  held: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int, { description: 'Queue items moderators rejected.' })
  rejectedOnReview: number;

  @Field(() => [SanctionType], { description: 'Newest first.' })
  sanctions: SanctionType[];
}

@ObjectType('ModerationQueueItem')
@ReadableWithParent()
export class QueueItemType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  communityId: string;

  @Field()
  communityName: string;

  @Field()
  communitySlug: string;

  @Field(() => ContentKindEnum)
  contentKind: ContentKind;

  @Field(() => ID)
  contentId: string;

  @Field(() => ID, { nullable: true, description: 'The thread of a reply, the post of a comment.' })
  parentId: string | null;

  @Field(() => QueueSourceEnum)
  source: QueueSource;

  @Field(() => QueueStatusEnum)
  status: QueueStatus;

  @Field()
  escalated: boolean;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field({ description: 'Markdown as written.' })
  body: string;

  @Field()
  bodyHtml: string;

  @Field(() => ModerationStateEnum)
  contentState: ModerationState;

  @Field()
  contentDeleted: boolean;

  @Field(() => ModerationPersonType)
  author: ModerationPersonType;

  @Field(() => DecisionType, { nullable: true, description: 'The policy decision that held it, with its matched rules.' })
  decision: DecisionType | null;

  @Field(() => [FlagType])
  flags: FlagType[];

  @Field(() => AuthorHistoryType, { nullable: true, description: 'Filled on the item detail (moderationQueueItem).' })
  authorHistory: AuthorHistoryType | null;

  @Field()
  createdAt: Date;

  @Field(() => ModerationPersonType, { nullable: true })
  decidedBy: ModerationPersonType | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;
}

export const QueueItemConnection = ConnectionType(QueueItemType, 'ModerationQueueItem', { totalCount: true });

@ObjectType('BulkReviewResult')
@ReadableWithParent()
export class BulkReviewResultType {
  @Field(() => [QueueItemType])
  reviewed: QueueItemType[];

  @Field(() => [ID], { description: 'Items someone else decided first: left as they were.' })
  conflicts: string[];
}

@ObjectType('FlagResult')
@ReadableWithParent()
export class FlagResultType {
  @Field(() => Int, { description: 'Distinct members who flagged it.' })
  flagCount: number;

  @Field({ description: 'Enough flags hid it pending review.' })
  hidden: boolean;
}

@ObjectType('ModerationAppeal')
@ReadableWithParent()
export class AppealType {
  @Field(() => ID)
  id: string;

  @Field(() => AppealTargetEnum)
  targetKind: AppealTarget;

  @Field(() => ID)
  targetId: string;

  @Field(() => ID, { nullable: true })
  communityId: string | null;

  @Field(() => ModerationPersonType)
  appellant: ModerationPersonType;

  @Field()
  message: string;

  @Field({ description: 'What was decided and why, as the author was told.' })
  subject: string;

  @Field({ description: 'An excerpt of the post (empty for a sanction).' })
  excerpt: string;

  @Field(() => AppealStatusEnum)
  status: AppealStatus;

  @Field(() => ModerationPersonType, { nullable: true, description: 'Who made the decision appealed (null: the policy); they may not decide the appeal.' })
  originalDecider: ModerationPersonType | null;

  @Field(() => ModerationPersonType, { nullable: true })
  decidedBy: ModerationPersonType | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('AuditLogEntry')
@ReadableWithParent()
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => ModerationPersonType, { nullable: true, description: 'Null: the platform acted (a policy decision).' })
  actor: ModerationPersonType | null;

  @Field()
  action: string;

  @Field()
  targetKind: string;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => ID, { nullable: true })
  communityId: string | null;

  @Field(() => String, { nullable: true, description: 'JSON.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON.' })
  after: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  policyId: string | null;

  @Field(() => Int, { nullable: true })
  policyVersion: number | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditLogEntry');

@ObjectType('DryRunRuleCount')
@ReadableWithParent()
export class DryRunRuleCountType {
  @Field()
  ruleId: string;

  @Field(() => RuleActionEnum)
  action: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('DryRunSample')
@ReadableWithParent()
export class DryRunSampleType {
  @Field(() => ContentKindEnum)
  contentKind: string;

  @Field(() => ID)
  contentId: string;

  @Field(() => RuleActionEnum)
  action: string;

  @Field(() => String, { nullable: true })
  ruleId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  excerpt: string;

  @Field()
  createdAt: string;
}

@ObjectType('ModerationDryRun', { description: 'A policy version judged against recent history, changing nothing.' })
@ReadableWithParent()
export class DryRunType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  policyId: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID)
  communityId: string;

  @Field(() => Int)
  days: number;

  @Field(() => DryRunStatusEnum)
  status: DryRunStatus;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  processed: number;

  @Field(() => Int)
  held: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => [DryRunRuleCountType])
  byRule: DryRunRuleCountType[];

  @Field(() => [DryRunSampleType])
  samples: DryRunSampleType[];

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@ObjectType('ModerationNotice')
@ReadableWithParent()
export class NoticeType {
  @Field(() => ID)
  id: string;

  @Field()
  kind: string;

  @Field()
  message: string;

  @Field(() => ID, { nullable: true })
  communityId: string | null;

  @Field(() => String, { nullable: true })
  contentKind: string | null;

  @Field(() => ID, { nullable: true })
  contentId: string | null;

  @Field()
  createdAt: Date;

  @Field()
  read: boolean;
}

export const NoticeConnection = ConnectionType(NoticeType, 'ModerationNotice');
