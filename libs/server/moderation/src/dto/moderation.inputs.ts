import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, ContentKindEnum, PostBody, trim } from '@commons/server-graphql';
import {
  APPEAL_MESSAGE_MAX_LENGTH,
  AppealStatus,
  AppealTarget,
  CONTENT_KINDS,
  DRY_RUN_MAX_DAYS,
  FlagReason,
  QueueSource,
  QueueStatus,
  REASON_MAX_LENGTH,
  ReviewAction,
  SanctionKind,
  type ContentKind,
} from '@commons/shared-contracts';
import type { LinkMatch, PersonalDataType, RuleAction, RuleKind } from '../policy/policy.types';
import { LIMITS as POLICY_LIMITS } from '../policy/policy.schema';
import {
  AppealStatusEnum,
  AppealTargetEnum,
  FlagReasonEnum,
  LinkMatchEnum,
  PersonalDataTypeEnum,
  QueueSourceEnum,
  QueueStatusEnum,
  ReviewActionEnum,
  RuleActionEnum,
  RuleKindEnum,
  SanctionKindEnum,
} from './moderation-enums';

// Rule inputs are checked in depth by parsePolicyVersion/compilePolicy (BAD_USER_INPUT naming
// `rules.<id>.<property>`); the decorators here only bound sizes.

@InputType('ModerationRuleScopeInput')
export class RuleScopeInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  contentKinds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  communityAudiences?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  authorAudiences?: string[];
}

@InputType('NewMemberCriteriaInput')
export class NewMemberCriteriaInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  postsBelow?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  membershipDaysBelow?: number;
}

/** A rule as the policy editor's form sends it: `kind` says which of the optional fields apply. */
@InputType('ModerationRuleInput')
export class RuleInput {
  @Field()
  @IsString()
  @MaxLength(64)
  id: string;

  @Field(() => RuleKindEnum)
  @IsString()
  kind: RuleKind;

  @Field(() => RuleActionEnum)
  @IsString()
  action: RuleAction;

  @Field()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @Field(() => Boolean, { nullable: true, description: 'Platform policy only.' })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean;

  @Field(() => RuleScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleScopeInput)
  scope?: RuleScopeInput;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POLICY_LIMITS.terms)
  terms?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  profanity?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  pattern?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  flags?: string;

  @Field(() => [PersonalDataTypeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  detect?: PersonalDataType[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  allowedEmailDomains?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  phoneMinDigits?: number;

  @Field(() => LinkMatchEnum, { nullable: true })
  @IsOptional()
  @IsString()
  match?: LinkMatch;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  domains?: string[];

  @Field(() => NewMemberCriteriaInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewMemberCriteriaInput)
  onlyNewMembers?: NewMemberCriteriaInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  firstPosts?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  maxPosts?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  windowSeconds?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  maxCopies?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minLength?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  maxBodyChars?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minBodyChars?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  maxTitleChars?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  minLetters?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  maxUppercaseShare?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  guideline?: string;
}

@InputType()
export class SavePolicyVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid policy id.' })
  policyId: string;

  @Field(() => [RuleInput])
  @IsArray()
  @ArrayMaxSize(POLICY_LIMITS.rules)
  @ValidateNested({ each: true })
  @Type(() => RuleInput)
  rules: RuleInput[];

  @Field(() => Int, { nullable: true, description: 'Flags from distinct members that hide a post pending review; null: never.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  flagsToAutoHide?: number | null;

  @Field(() => String, { defaultValue: '', description: 'What changed, for the version history.' })
  @Transform(trim)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note = '';

  @Field(() => Boolean, { defaultValue: false, description: 'Make it the active version at once (otherwise dry-run it, then activate).' })
  @IsBoolean()
  activate = false;
}

@InputType()
export class TestModerationTextInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID, { nullable: true, description: 'A policy version to test instead of the one in force (e.g. a saved draft version).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid policy id.' })
  policyId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;

  @Field(() => ContentKindEnum, { defaultValue: 'forum-reply' })
  @IsIn(CONTENT_KINDS)
  kind: ContentKind = 'forum-reply';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @Field()
  @PostBody()
  body: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Judge it as a new member’s first post.' })
  @IsBoolean()
  asNewMember = false;
}

@ArgsType()
export class QueueArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Null: every community (platform admins), escalated items first.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => QueueStatusEnum, { defaultValue: QueueStatus.Pending })
  @IsEnum(QueueStatus)
  status: QueueStatus = QueueStatus.Pending;

  @Field(() => QueueSourceEnum, { nullable: true })
  @IsOptional()
  @IsEnum(QueueSource)
  source?: QueueSource | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  escalated?: boolean | null;
}

@InputType()
export class ReviewItemInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid queue item id.' })
  itemId: string;

  @Field(() => ReviewActionEnum)
  @IsEnum(ReviewAction)
  action: ReviewAction;

  @Field(() => String, { defaultValue: '', description: 'Shown to the author (required to reject).' })
  @Transform(trim)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason = '';

  @Field(() => String, { nullable: true, description: 'Approve this edited Markdown instead (edit-and-approve).' })
  @IsOptional()
  @PostBody()
  editedBody?: string | null;
}

@InputType()
export class ReviewItemsInput {
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Not a valid queue item id.' })
  itemIds: string[];

  @Field(() => ReviewActionEnum)
  @IsEnum(ReviewAction)
  action: ReviewAction;

  @Field(() => String, { defaultValue: '' })
  @Transform(trim)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason = '';
}

@InputType()
export class FlagContentInput {
  @Field(() => ContentKindEnum)
  @IsIn(CONTENT_KINDS)
  contentKind: ContentKind;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid content id.' })
  contentId: string;

  @Field(() => FlagReasonEnum)
  @IsEnum(FlagReason)
  reason: FlagReason;

  @Field(() => String, { defaultValue: '' })
  @Transform(trim)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  detail = '';
}

@InputType()
export class ImposeSanctionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => ID, { nullable: true, description: 'Required for WARN and MUTE; left out for SUSPEND.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => SanctionKindEnum)
  @IsEnum(SanctionKind)
  kind: SanctionKind;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX_LENGTH, { message: 'Give a reason (the person sees it).' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'MUTE and SUSPEND: how long, in hours (up to a year).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  durationHours?: number | null;
}

@InputType()
export class AppealInput {
  @Field(() => AppealTargetEnum)
  @IsEnum(AppealTarget)
  targetKind: AppealTarget;

  @Field(() => ID, { description: 'DECISION: the decisionId of a POLICY_REJECTED error; QUEUE_ITEM: the held or rejected content id; SANCTION: its id.' })
  @IsUUID('all', { message: 'Not a valid id.' })
  targetId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, APPEAL_MESSAGE_MAX_LENGTH, { message: `Say why, in up to ${APPEAL_MESSAGE_MAX_LENGTH} characters.` })
  message: string;
}

@InputType()
export class DecideAppealInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid appeal id.' })
  appealId: string;

  @Field({ description: 'true: the decision is reversed (the post is published, the sanction lifted).' })
  @IsBoolean()
  overturn: boolean;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX_LENGTH, { message: 'Give a reason (the author sees it).' })
  reason: string;
}

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Null: the whole platform (admins).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'An action, or a family of actions ("queue" matches queue.approve…).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid target id.' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter | null;
}

@InputType()
export class StartDryRunInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid policy id.' })
  policyId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => ID, { nullable: true, description: "The community whose history is replayed; a community policy's own when left out." })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => Int, { defaultValue: 30 })
  @IsInt()
  @Min(1)
  @Max(DRY_RUN_MAX_DAYS)
  days = 30;
}

@ArgsType()
export class SanctionsArgs {
  @Field(() => ID, { nullable: true, description: 'Null: platform suspensions and every community (admins).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  activeOnly = true;
}

@ArgsType()
export class AppealsArgs {
  @Field(() => ID, { nullable: true, description: 'Null: appeals against platform suspensions (admins).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => AppealStatusEnum, { defaultValue: AppealStatus.Pending })
  @IsEnum(AppealStatus)
  status: AppealStatus = AppealStatus.Pending;
}
