import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs, graphqlEnum, trim, trimToNull } from '@commons/server-graphql';
import { AudienceEnum } from '@commons/server-identity';
import {
  Audience,
  COMMUNITY_CHARTER_MAX_LENGTH,
  COMMUNITY_DESCRIPTION_MAX_LENGTH,
  COMMUNITY_NAME_MAX_LENGTH,
  COMMUNITY_SLUG_MAX_LENGTH,
  COMMUNITY_SLUG_PATTERN,
  CommunityLifecycle,
  CommunityVisibility,
  INTENT_STATEMENT_MAX_LENGTH,
  SocialIntent,
  UseCase,
} from '@commons/shared-contracts';
import { CommunityLifecycleEnum, CommunityVisibilityEnum, SocialIntentEnum, UseCaseEnum } from './community-enums';
import { NewCohortInput } from './cohort.inputs';
import { ObjectiveInput } from './objective.inputs';


export const MembershipFilter = { Member: 'MEMBER', NotMember: 'NOT_MEMBER', Managing: 'MANAGING' } as const;
export type MembershipFilter = (typeof MembershipFilter)[keyof typeof MembershipFilter];
export const MembershipFilterEnum = graphqlEnum(Object.values(MembershipFilter));
registerEnumType(MembershipFilterEnum, { name: 'MembershipFilter', description: "Communities by the viewer's membership." });

@InputType()
export class CommunityFilter {
  @Field(() => AudienceEnum, { nullable: true })
  @IsOptional()
  @IsEnum(Audience)
  audience?: Audience | null;

  @Field(() => SocialIntentEnum, { nullable: true })
  @IsOptional()
  @IsEnum(SocialIntent)
  intent?: SocialIntent | null;

  @Field(() => CommunityLifecycleEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityLifecycle)
  lifecycle?: CommunityLifecycle | null;

  @Field(() => MembershipFilterEnum, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipFilter)
  membership?: MembershipFilter | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or description.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class CommunitiesArgs extends ConnectionArgs {
  @Field(() => CommunityFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommunityFilter)
  filter?: CommunityFilter | null;
}

@ArgsType()
export class CommunityLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The current slug or one the community used to have.' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMUNITY_SLUG_MAX_LENGTH)
  slug?: string | null;
}

/** The fields a community's settings share between creating and editing. */
@InputType({ isAbstract: true })
abstract class CommunitySettingsFields {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @Length(3, COMMUNITY_NAME_MAX_LENGTH, { message: `Enter a name of 3 to ${COMMUNITY_NAME_MAX_LENGTH} characters.` })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Lower-case letters, digits and hyphens; derived from the name when left out.' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(COMMUNITY_SLUG_MAX_LENGTH)
  @Matches(COMMUNITY_SLUG_PATTERN, { message: 'Use lower-case letters, digits and single hyphens.' })
  slug?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(COMMUNITY_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMUNITY_CHARTER_MAX_LENGTH)
  charter?: string;

  @Field(() => [AudienceEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one audience.' })
  @ArrayUnique()
  @IsEnum(Audience, { each: true })
  audiences?: Audience[];

  @Field(() => CommunityVisibilityEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityVisibility)
  visibility?: CommunityVisibility;

  @Field(() => SocialIntentEnum, { nullable: true })
  @IsOptional()
  @IsEnum(SocialIntent)
  intent?: SocialIntent;

  @Field(() => String, { nullable: true, description: 'Why the community exists, in the words of the people who run it.' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(INTENT_STATEMENT_MAX_LENGTH)
  intentStatement?: string;

  @Field(() => [UseCaseEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one use case.' })
  @ArrayUnique()
  @IsEnum(UseCase, { each: true })
  useCases?: UseCase[];
}

@InputType()
export class CreateCommunityInput extends CommunitySettingsFields {
  @Field(() => [ObjectiveInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveInput)
  objectives: ObjectiveInput[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Existing cohorts to attach for the pilot.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  cohortIds: string[] = [];

  @Field(() => NewCohortInput, { nullable: true, description: 'A new cohort to create and attach for the pilot.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCohortInput)
  newCohort?: NewCohortInput | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Start the pilot at once (needs a cohort); otherwise the community starts as a draft.' })
  @IsBoolean()
  startPilot = false;
}

@InputType()
export class UpdateCommunityInput extends CommunitySettingsFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;
}

@InputType()
export class ChangeLifecycleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => CommunityLifecycleEnum, { description: 'PILOT or ACTIVE; archive and restore have their own mutations.' })
  @IsEnum(CommunityLifecycle)
  lifecycle: CommunityLifecycle;
}
