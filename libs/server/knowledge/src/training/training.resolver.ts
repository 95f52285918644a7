import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { AuthorizationService, Clock, PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { AssignCourseInput, CoursesArgs, MyLearningArgs, OverdueAssignmentsArgs, SaveCourseInput, SetCourseStateInput, SubmitQuizInput, TrainingReportArgs } from './dto/training.inputs';
import {
  CourseAssignmentResultType,
  CourseCertificateType,
  CourseConnection,
  CoursePermissionsType,
  CourseType,
  EnrolmentConnection,
  EnrolmentType,
  LessonType,
  OverdueAssignmentConnection,
  QuizQuestionType,
  QuizResultType,
  TrainingReportType,
} from './dto/training.types';
import { TrainingAction } from './training-access';
import { TrainingLoaders } from './training.loader';
import { toCourseType, toEnrolmentType, toLessonType, toQuestionType, type CourseWithFacts } from './training.mapper';
import { TrainingReports } from './training-reports.service';
import { TrainingService } from './training.service';


/** Courses, enrolment and progress. Thin: every rule is in TrainingService and the training rules. */
@Resolver(() => CourseType)
export class CoursesResolver {
  constructor(
    private readonly service: TrainingService,
    private readonly loaders: TrainingLoaders,
    private readonly authorization: AuthorizationService,
    private readonly clock: Clock,
  ) {}

  @Query(() => CourseConnection, { description: 'The course catalogue: published courses for your audience and groups, by title; every course for the programme team.' })
  @Authorize(PlatformAction.SignedIn)
  async courses(@CurrentViewer() viewer: Viewer, @Args() args: CoursesArgs) {
    const page = await this.service.catalogue(viewer, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCourseType(e.node) })) };
  }

  @Query(() => CourseType, { description: 'NOT_FOUND when the course does not exist or is not for you.' })
  @Authorize(PlatformAction.SignedIn)
  async course(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return toCourseType(await this.service.course(viewer, id));
  }

  @Mutation(() => CourseType, { description: 'Creates a draft course or replaces a course’s content, lessons and quiz (programme team).' })
  @Authorize(TrainingAction.Manage)
  async saveCourse(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveCourseInput) {
    return toCourseType(await this.service.save(viewer, input));
  }

  @Mutation(() => CourseType, { description: 'Publishes, archives or takes a course back to draft (programme team).' })
  @Authorize(TrainingAction.Manage)
  async setCourseState(@CurrentViewer() viewer: Viewer, @Args('input') input: SetCourseStateInput) {
    return toCourseType(await this.service.setState(viewer, input));
  }

  @Mutation(() => EnrolmentType, { description: 'Enrols you in a course of your catalogue.' })
  @Authorize(PlatformAction.SignedIn)
  async enrolInCourse(@CurrentViewer() viewer: Viewer, @Args('courseId', { type: () => ID }, ParseUUIDPipe) courseId: string) {
    return toEnrolmentType(await this.service.enrol(viewer, courseId), this.clock.now());
  }

  @Mutation(() => CourseAssignmentResultType, { description: 'Assigns a published course, with an optional due date, to people, a cohort or a department (within your community for its managers).' })
  @Authorize(PlatformAction.SignedIn)
  assignCourse(@CurrentViewer() viewer: Viewer, @Args('input') input: AssignCourseInput) {
    return this.service.assign(viewer, input);
  }

  @Mutation(() => EnrolmentType, { description: 'Marks a lesson of a course you are enrolled in done; the course completes when everything is done.' })
  @Authorize(PlatformAction.SignedIn)
  async completeLesson(@CurrentViewer() viewer: Viewer, @Args('lessonId', { type: () => ID }, ParseUUIDPipe) lessonId: string) {
    return toEnrolmentType(await this.service.completeLesson(viewer, lessonId), this.clock.now());
  }

  @Mutation(() => QuizResultType, { description: 'Submits an attempt at a course’s quiz. BAD_USER_INPUT for questions or choices the quiz does not have.' })
  @Authorize(PlatformAction.SignedIn)
  async submitQuiz(@CurrentViewer() viewer: Viewer, @Args('input') input: SubmitQuizInput) {
    const result = await this.service.submitQuiz(viewer, input);
    return { ...result, enrolment: toEnrolmentType(result.enrolment, this.clock.now()) };
  }

  @ResolveField(() => [LessonType], { description: 'In order.' })
  async lessons(@Parent() course: CourseType, @Context() ctx: GraphqlContext) {
    return (await this.loaders.lessons(ctx).load(course.id)).map(toLessonType);
  }

  @ResolveField(() => Int)
  async lessonCount(@Parent() course: CourseType, @Context() ctx: GraphqlContext) {
    return (await this.loaders.lessons(ctx).load(course.id)).length;
  }

  @ResolveField(() => [QuizQuestionType], { description: 'The quiz, in order; empty without a quiz.' })
  async quiz(@Parent() course: CourseType, @Context() ctx: GraphqlContext) {
    return (await this.loaders.questions(ctx).load(course.id)).map(toQuestionType);
  }

  @ResolveField(() => EnrolmentType, { nullable: true, description: 'Your enrolment, when you have one.' })
  async viewerEnrolment(@Parent() course: CourseType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    const row = await this.loaders.viewerEnrolment(ctx, viewer).load(course.id);
    return row ? toEnrolmentType(row, this.clock.now()) : null;
  }

  @ResolveField(() => CoursePermissionsType)
  viewerCan(@Parent() course: CourseWithFacts, @CurrentViewer() viewer: Viewer): CoursePermissionsType {
    const manage = this.authorization.can(viewer, TrainingAction.Manage);
    return {
      manage,
      enrol: this.authorization.can(viewer, TrainingAction.Enrol, course),
      assign: course.state === 'PUBLISHED' && (manage || course.managesCommunity),
    };
  }
}

/** The viewer's learning, certificates and the completion reports. */
@Resolver(() => EnrolmentType)
export class LearningResolver {
  constructor(
    private readonly service: TrainingService,
    private readonly reports: TrainingReports,
    private readonly loaders: TrainingLoaders,
    private readonly authorization: AuthorizationService,
    private readonly clock: Clock,
  ) {}

  @Query(() => EnrolmentConnection, { description: 'Your courses, self-enrolled and assigned, newest first, with progress and due dates.' })
  @Authorize(PlatformAction.SignedIn)
  async myLearning(@CurrentViewer() viewer: Viewer, @Args() args: MyLearningArgs) {
    const page = await this.service.myLearning(viewer, args);
    const now = this.clock.now();
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toEnrolmentType(e.node, now) })) };
  }

  @Query(() => CourseCertificateType, { description: 'Your certificate for a course you completed; NOT_FOUND before.' })
  @Authorize(PlatformAction.SignedIn)
  courseCertificate(@CurrentViewer() viewer: Viewer, @Args('courseId', { type: () => ID }, ParseUUIDPipe) courseId: string) {
    return this.service.certificate(viewer, courseId);
  }

  @Query(() => TrainingReportType, { description: 'Completion by course, cohort, department and community (programme team, steering, admins; a community’s managers with its id).' })
  @Authorize(PlatformAction.SignedIn)
  trainingReport(@CurrentViewer() viewer: Viewer, @Args() args: TrainingReportArgs) {
    return this.reports.report(viewer, args);
  }

  @Query(() => OverdueAssignmentConnection, { description: 'Unfinished assignments past their due date, earliest first (same access as trainingReport).' })
  @Authorize(PlatformAction.SignedIn)
  overdueAssignments(@CurrentViewer() viewer: Viewer, @Args() args: OverdueAssignmentsArgs) {
    return this.reports.overdue(viewer, args);
  }

  @ResolveField(() => CourseType, { nullable: true, description: 'The course (null once it is no longer readable).' })
  async course(@Parent() enrolment: EnrolmentType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    const loaded = await this.loaders.course(ctx, viewer).load(enrolment.courseId);
    return loaded && this.authorization.can(viewer, TrainingAction.ReadCourse, loaded) ? toCourseType(loaded) : null;
  }
}
