import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs, trim, trimToNull } from '@commons/server-graphql';
import { AudienceEnum } from '@commons/server-identity';
import { AUDIENCES, type Audience } from '@commons/shared-contracts';
import { CourseState } from '../training-states';
import { CourseStateEnum } from './training.types';

export const MAX_LESSONS = 50;
export const MAX_QUESTIONS = 30;
export const MAX_CHOICES = 8;
/** Accounts named at once in one assignment (cohorts and departments may bring more). */
export const MAX_ASSIGNED_ACCOUNTS = 500;

@InputType()
export class LessonInput {
  @Field(() => ID, { nullable: true, description: 'An existing lesson of this course; absent for a new one.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid lesson id.' })
  id?: string | null;

  @Field()
  @Transform(trim)
  @Length(2, 200, { message: 'Enter a lesson title of 2 to 200 characters.' })
  title: string;

  @Field({ description: 'Markdown.' })
  @MaxLength(50_000)
  body: string;

  @Field(() => [ID], { defaultValue: [], description: 'Knowledge articles the lesson links to.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Not a valid article id.' })
  articleIds: string[] = [];

  @Field(() => String, { nullable: true, description: 'An https address of a video to embed.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Enter an https:// video address.' })
  @MaxLength(2000)
  videoUrl?: string | null;
}

@InputType()
export class QuizChoiceInput {
  @Field(() => ID, { nullable: true, description: 'An existing choice of this question; absent for a new one.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid choice id.' })
  id?: string | null;

  @Field()
  @Transform(trim)
  @Length(1, 500, { message: 'Enter a choice of 1 to 500 characters.' })
  text: string;

  @Field()
  @IsBoolean()
  correct: boolean;
}

@InputType()
export class QuizQuestionInput {
  @Field(() => ID, { nullable: true, description: 'An existing question of this course; absent for a new one.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid question id.' })
  id?: string | null;

  @Field()
  @Transform(trim)
  @Length(2, 1000, { message: 'Enter a question of 2 to 1000 characters.' })
  prompt: string;

  @Field(() => [QuizChoiceInput])
  @IsArray()
  @ArrayMinSize(2, { message: 'Give at least two choices.' })
  @ArrayMaxSize(MAX_CHOICES)
  @ValidateNested({ each: true })
  @Type(() => QuizChoiceInput)
  choices: QuizChoiceInput[];
}

/** A whole course as the editor saves it: lessons and questions in order; those left out are removed. */
@InputType()
export class SaveCourseInput {
  @Field(() => ID, { nullable: true, description: 'The course to change; absent to create a draft.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId?: string | null;

  @Field()
  @Transform(trim)
  @Length(2, 200, { message: 'Enter a title of 2 to 200 characters.' })
  title: string;

  @Field(() => String, { defaultValue: '', description: 'Markdown.' })
  @MaxLength(20_000)
  description = '';

  @Field(() => [AudienceEnum])
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one audience.' })
  @ArrayUnique()
  @IsIn(AUDIENCES, { each: true })
  audiences: Audience[];

  @Field(() => ID, { nullable: true, description: 'Target group: a pilot cohort.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid cohort id.' })
  targetCohortId?: string | null;

  @Field(() => String, { nullable: true, description: 'Target group: a department (as on accounts).' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200)
  targetDepartment?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Target group: community managers.' })
  @IsBoolean()
  targetCommunityManagers = false;

  @Field(() => Int, { nullable: true, description: 'Percent to pass the quiz (1–100); required when there are questions.' })
  @IsOptional()
  @Min(1)
  @Max(100)
  passMark?: number | null;

  @Field(() => [LessonInput])
  @IsArray()
  @ArrayMaxSize(MAX_LESSONS)
  @ValidateNested({ each: true })
  @Type(() => LessonInput)
  lessons: LessonInput[];

  @Field(() => [QuizQuestionInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuizQuestionInput)
  questions: QuizQuestionInput[] = [];
}

@InputType()
export class SetCourseStateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId: string;

  @Field(() => CourseStateEnum)
  @IsEnum(CourseState)
  state: CourseState;
}

/** One assignment: any mix of named accounts, a cohort and a department, all with the same due date. */
@InputType()
export class AssignCourseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId: string;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNED_ACCOUNTS)
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  accountIds: string[] = [];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid cohort id.' })
  cohortId?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200)
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'The community you manage whose members are assigned; absent for the programme team assigning platform-wide.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}

@InputType()
export class QuizAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid question id.' })
  questionId: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'Not a valid choice id.' })
  choiceIds: string[];
}

@InputType()
export class SubmitQuizInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId: string;

  @Field(() => [QuizAnswerInput])
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers: QuizAnswerInput[];
}

@ArgsType()
export class CoursesArgs extends ConnectionArgs {
  @Field(() => CourseStateEnum, { nullable: true, description: 'The programme team may list drafts and archived courses; others see published ones.' })
  @IsOptional()
  @IsEnum(CourseState)
  state?: CourseState | null;
}

@ArgsType()
export class MyLearningArgs extends ConnectionArgs {
  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  includeCompleted = true;
}

@ArgsType()
export class TrainingReportArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this community (required for community managers).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;
}

@ArgsType()
export class OverdueAssignmentsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid course id.' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this community (required for community managers).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;
}
