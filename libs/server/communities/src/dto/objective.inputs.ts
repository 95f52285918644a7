import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { trim } from '@commons/server-graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsNumber, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { MetricKey, ObjectiveDirection } from '@commons/shared-contracts';
import { MetricKeyEnum, ObjectiveDirectionEnum } from './community-enums';

const finite = { message: 'Enter a number.' };

/** The settable fields of an objective; on create all but title and owner are required. */
@InputType()
export class ObjectiveInput {
  @Field(() => MetricKeyEnum)
  @IsEnum(MetricKey)
  metricKey: MetricKey;

  @Field(() => String, { nullable: true, description: 'A short label, e.g. "Answer customers within a day".' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => Float, { description: 'The value when the objective was set.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, finite)
  baseline: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, finite)
  target: number;

  @Field(() => ObjectiveDirectionEnum)
  @IsEnum(ObjectiveDirection)
  direction: ObjectiveDirection;

  @Field({ description: 'A calendar date, YYYY-MM-DD.' })
  @IsISO8601({ strict: true }, { message: 'Enter a date as YYYY-MM-DD.' })
  dueDate: string;

  @Field(() => ID, { nullable: true, description: 'Who answers for it; the creator when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  ownerId?: string | null;
}

@InputType()
export class CreateObjectiveInput extends ObjectiveInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;
}

@InputType()
export class UpdateObjectiveInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid objective id.' })
  objectiveId: string;

  @Field(() => MetricKeyEnum, { nullable: true })
  @IsOptional()
  @IsEnum(MetricKey)
  metricKey?: MetricKey;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, finite)
  baseline?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, finite)
  target?: number;

  @Field(() => ObjectiveDirectionEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ObjectiveDirection)
  direction?: ObjectiveDirection;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter a date as YYYY-MM-DD.' })
  dueDate?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  ownerId?: string;
}
