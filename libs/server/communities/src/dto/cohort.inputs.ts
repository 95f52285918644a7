import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs, trim } from '@commons/server-graphql';
import { COHORT_NAME_MAX_LENGTH } from '@commons/shared-contracts';

export const COHORT_MAX_CHANGE = 500;

@InputType()
export class NewCohortInput {
  @Field()
  @Transform(trim)
  @Length(2, COHORT_NAME_MAX_LENGTH, { message: `Enter a name of 2 to ${COHORT_NAME_MAX_LENGTH} characters.` })
  name: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(COHORT_MAX_CHANGE)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  memberIds: string[] = [];
}

@InputType()
export class UpdateCohortInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid cohort id.' })
  cohortId: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @Length(2, COHORT_NAME_MAX_LENGTH, { message: `Enter a name of 2 to ${COHORT_NAME_MAX_LENGTH} characters.` })
  name?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(COHORT_MAX_CHANGE)
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  addMemberIds: string[] = [];

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(COHORT_MAX_CHANGE)
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  removeMemberIds: string[] = [];
}

@InputType()
export class CommunityCohortInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid cohort id.' })
  cohortId: string;
}

@ArgsType()
export class CohortsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
