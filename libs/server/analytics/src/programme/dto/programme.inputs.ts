import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class ObjectivesOverviewInput {
  @Field(() => String, { nullable: true, description: 'Only objectives due on or after this day (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Only objectives due on or before this day (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  to?: string | null;
}

/** The period and measures two groups of people are compared over (pilot against the rest, trained against not). */
@InputType({ isAbstract: true })
abstract class ComparisonInput {
  @Field({ description: 'YYYY-MM-DD, in the organisation’s time zone.' }) @IsString() from: string;
  @Field({ description: 'YYYY-MM-DD, included.' }) @IsString() to: string;

  @Field(() => [String], { nullable: true, description: 'Which measures (see the keys returned); all when left out.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  metrics?: string[] | null;
}

@InputType()
export class PilotComparisonInput extends ComparisonInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid cohort id.' })
  cohortId: string;
}

@InputType()
export class TrainingImpactInput extends ComparisonInput {
  @Field(() => ID, { nullable: true, description: 'One course; any course when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId?: string | null;
}

@InputType()
export class RetentionCohortsInput {
  @Field(() => ID, { nullable: true, description: 'A community (its managers may ask); the organisation when left out (the steering committee).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field({ description: 'Joins from this day (YYYY-MM-DD)…' }) @IsString() from: string;
  @Field({ description: '…to this day, included.' }) @IsString() to: string;

  @Field(() => Int, { defaultValue: 12, description: 'Weeks after joining to follow, 0 to 52.' })
  @IsInt()
  @Min(0)
  @Max(52)
  weeks = 12;
}

@InputType()
export class SaveMetricSnapshotInput {
  @Field({ description: 'YYYY-MM' }) @IsString() @MaxLength(20) month: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
