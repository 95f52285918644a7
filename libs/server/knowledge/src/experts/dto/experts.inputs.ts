import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs, trim, trimToNull } from '@commons/server-graphql';

export const EXPERTISE_TAGS_MAX = 20;
export const EXPERTISE_NOTE_MAX_LENGTH = 280;
export const TOPIC_MAX_LENGTH = 100;
export const DEPARTMENT_MAX_LENGTH = 100;

@InputType()
export class UpdateExpertiseInput {
  @Field(() => [String], { description: `Up to ${EXPERTISE_TAGS_MAX} topics, normalized like forum tags ("#API Keys" → "api-keys"). Replaces the list.` })
  @ArrayMaxSize(EXPERTISE_TAGS_MAX, { message: `List at most ${EXPERTISE_TAGS_MAX} topics.` })
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags: string[];

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(EXPERTISE_NOTE_MAX_LENGTH, { message: `Keep the note under ${EXPERTISE_NOTE_MAX_LENGTH} characters.` })
  note?: string | null;
}

@ArgsType()
export class FindExpertsArgs extends ConnectionArgs {
  @Field({ description: 'A tag or a few words; each is normalized to a tag, and the whole also matches declared tags by prefix.' })
  @Transform(trim)
  @Length(1, TOPIC_MAX_LENGTH, { message: 'Enter a topic.' })
  topic: string;
}

@ArgsType()
export class ChampionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX_LENGTH)
  department?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Include roles that ended or have not started.' })
  @IsBoolean()
  includePast = false;
}

@InputType()
export class NameChampionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => ID, { nullable: true, description: 'Either a community…' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => String, { nullable: true, description: '…or a department.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX_LENGTH)
  department?: string | null;

  @Field(() => Date, { nullable: true, description: 'Now when left out.' })
  @IsOptional()
  @IsDate({ message: 'Enter a date and time.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Open-ended when left out.' })
  @IsOptional()
  @IsDate({ message: 'Enter a date and time.' })
  endsAt?: Date | null;
}

@InputType()
export class EndChampionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid champion id.' })
  championId: string;

  @Field(() => Date, { nullable: true, description: 'Now when left out.' })
  @IsOptional()
  @IsDate({ message: 'Enter a date and time.' })
  endsAt?: Date | null;
}

@ArgsType()
export class ChampionDashboardArgs {
  @Field(() => ID, { nullable: true, description: 'Whose dashboard; yours when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId?: string | null;
}
