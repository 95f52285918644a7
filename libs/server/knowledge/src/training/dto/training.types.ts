import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Authorize, ConnectionType, graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { AudienceEnum } from '@commons/server-identity';
import type { Audience } from '@commons/shared-contracts';
import { TrainingAction } from '../training-access';
import { COURSE_STATES, type CourseState } from '../training-states';

export const CourseStateEnum = graphqlEnum(COURSE_STATES);
registerEnumType(CourseStateEnum, { name: 'CourseState', description: 'DRAFT (the programme team only) → PUBLISHED (its audience) → ARCHIVED (kept for its learners).' });

@ObjectType('Lesson')
@ReadableWithParent()
export class LessonType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Its place in the course, from 1.' }) position: number;
  @Field() title: string;
  @Field({ description: 'Markdown source.' }) body: string;
  @Field({ description: 'Sanitized HTML.' }) bodyHtml: string;
  @Field(() => [ID], { description: 'Knowledge articles it links to (some may have been removed since).' }) articleIds: string[];
  @Field(() => String, { nullable: true }) videoUrl: string | null;
}

@ObjectType('QuizChoice')
@ReadableWithParent()
export class QuizChoiceType {
  @Field(() => ID) id: string;
  @Field() text: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is a right answer: the programme team only (null for learners).' })
  @Authorize(TrainingAction.Manage)
  correct: boolean;
}

@ObjectType('QuizQuestion')
@ReadableWithParent()
export class QuizQuestionType {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() prompt: string;
  @Field(() => [QuizChoiceType]) choices: QuizChoiceType[];
  @Field({ description: 'More than one choice is right: pick every one.' }) multipleAnswers: boolean;
}

@ObjectType('CoursePermissions')
@ReadableWithParent()
export class CoursePermissionsType {
  @Field({ description: 'Edit, publish, archive.' }) manage: boolean;
  @Field() enrol: boolean;
  @Field({ description: 'Assign it to people (the programme team anywhere; community managers in their communities).' }) assign: boolean;
}

/** A course as its readers see it; the resolver adds lessons, quiz, the viewer's enrolment and permissions. */
@ObjectType('Course')
@ReadableWithParent()
export class CourseType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field({ description: 'Markdown source.' }) description: string;
  @Field({ description: 'Sanitized HTML.' }) descriptionHtml: string;
  @Field(() => [AudienceEnum]) audiences: Audience[];
  @Field(() => ID, { nullable: true }) targetCohortId: string | null;
  @Field(() => String, { nullable: true }) targetDepartment: string | null;
  @Field() targetCommunityManagers: boolean;
  @Field(() => CourseStateEnum) state: CourseState;
  @Field(() => Int, { nullable: true, description: 'Percent to pass the quiz; null without a quiz.' }) passMark: number | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('Enrolment', { description: 'One person taking one course: self-enrolled or assigned, with progress.' })
@ReadableWithParent()
export class EnrolmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field(() => ID) accountId: string;
  @Field() enrolledAt: Date;
  @Field({ description: 'Assigned by the programme team or a community manager.' }) assigned: boolean;
  @Field(() => Date, { nullable: true }) assignedAt: Date | null;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field({ description: 'Past its due date and not completed.' }) overdue: boolean;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => [ID], { description: 'Lessons marked done (of the current lessons).' }) completedLessonIds: string[];
  @Field(() => Int) lessonsDone: number;
  @Field(() => Int) lessonCount: number;
  @Field(() => Int, { description: 'Percent of lessons done.' }) progress: number;
  @Field(() => Int, { nullable: true, description: 'Best quiz score in percent; null before any attempt.' }) bestScore: number | null;
  @Field({ description: 'A quiz attempt reached the pass mark (true when the course has no quiz).' }) quizPassed: boolean;
}

@ObjectType('QuizResult')
@ReadableWithParent()
export class QuizResultType {
  @Field(() => Int, { description: 'Percent of questions answered exactly right.' }) score: number;
  @Field() passed: boolean;
  @Field(() => Int) passMark: number;
  @Field(() => [ID], { description: 'Questions answered exactly right.' }) correctQuestionIds: string[];
  @Field(() => EnrolmentType) enrolment: EnrolmentType;
}

@ObjectType('CourseAssignmentResult')
@ReadableWithParent()
export class CourseAssignmentResultType {
  @Field(() => Int, { description: 'People newly enrolled by this assignment.' }) assigned: number;
  @Field(() => Int, { description: 'People already enrolled whose assignment and due date were set or changed.' }) updated: number;
  @Field(() => Int, { description: 'People left out: outside the course audience, outside your community, or done already.' }) skipped: number;
}

@ObjectType('CourseCertificate', { description: 'What a completed course’s certificate shows.' })
@ReadableWithParent()
export class CourseCertificateType {
  @Field(() => ID, { description: 'The certificate number (its enrolment).' }) id: string;
  @Field() learnerName: string;
  @Field(() => ID) courseId: string;
  @Field() courseTitle: string;
  @Field() completedAt: Date;
}

@ObjectType('CompletionGroup', { description: 'Completion of one course, cohort, department or community.' })
@ReadableWithParent()
export class CompletionGroupType {
  @Field(() => ID, { nullable: true, description: 'The course, cohort or community id; null for departments.' }) id: string | null;
  @Field() label: string;
  @Field(() => Int) enrolled: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) overdue: number;
  @Field(() => Float, { description: 'completed / enrolled, 0 to 1.' }) rate: number;
}

@ObjectType('TrainingReport')
@ReadableWithParent()
export class TrainingReportType {
  @Field(() => CompletionGroupType, { description: 'Everything in scope.' }) total: CompletionGroupType;
  @Field(() => [CompletionGroupType]) byCourse: CompletionGroupType[];
  @Field(() => [CompletionGroupType]) byCohort: CompletionGroupType[];
  @Field(() => [CompletionGroupType]) byDepartment: CompletionGroupType[];
  @Field(() => [CompletionGroupType]) byCommunity: CompletionGroupType[];
  @Field(() => Float, { nullable: true, description: 'Median hours from enrolment to completion; null before any completion.' }) medianHoursToComplete: number | null;
}

@ObjectType('OverdueAssignment')
@ReadableWithParent()
export class OverdueAssignmentType {
  @Field(() => ID) enrolmentId: string;
  @Field(() => ID) courseId: string;
  @Field() courseTitle: string;
  @Field(() => ID) accountId: string;
  @Field() learnerName: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() dueAt: Date;
  @Field(() => Int) lessonsDone: number;
  @Field(() => Int) lessonCount: number;
}

export const CourseConnection = ConnectionType(CourseType, 'Course');
export const EnrolmentConnection = ConnectionType(EnrolmentType, 'Enrolment');
export const OverdueAssignmentConnection = ConnectionType(OverdueAssignmentType, 'OverdueAssignment', { totalCount: true });
