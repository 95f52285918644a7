import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AuthorizationService,
  Clock,
  ConflictError,
  DomainEvents,
  ForbiddenError,
  NotFoundError,
  renderMarkdown,
  uuidv7,
  ValidationError,
  type DomainEvent,
  type Viewer,
} from '@commons/server-core';
import { CommunityAccessService } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { AccountEntity } from '@commons/server-identity';
import { KnowledgeEvent } from '../knowledge-events';
import type { AssignCourseInput, CoursesArgs, MyLearningArgs, SaveCourseInput, SetCourseStateInput, SubmitQuizInput } from './dto/training.inputs';
import type { CourseAssignmentResultType, CourseCertificateType } from './dto/training.types';
import { CourseEntity } from './entities/course.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { LessonProgressEntity } from './entities/lesson-progress.entity';
import { LessonEntity } from './entities/lesson.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { QuizQuestionEntity, type QuizChoice } from './entities/quiz-question.entity';
import { TrainingAction, type CourseResource, type TrainingScopeResource } from './training-access';
import { TrainingRepository, type EnrolmentRow, type LoadedCourse } from './training.repository';
import { CourseState } from './training-states';

/** Account ids per CourseAssigned / CourseDueSoon event, so one event stays small. */
export const EVENT_ACCOUNT_BATCH = 1000;

/** Splits account ids into events of at most EVENT_ACCOUNT_BATCH ids each. */
export function inBatches(accountIds: string[], event: (ids: string[]) => DomainEvent): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (let i = 0; i < accountIds.length; i += EVENT_ACCOUNT_BATCH) events.push(event(accountIds.slice(i, i + EVENT_ACCOUNT_BATCH)));
  return events;
}

/** Courses, enrolment and assignments, progress, quizzes and completion. Reports are in TrainingReports. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TrainingRepository,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** A course the viewer may read; NOT_FOUND otherwise, exactly like a missing one. */
  async course(viewer: Viewer, courseId: string, manager?: EntityManager): Promise<LoadedCourse> {
    const loaded = (await this.repository.load(viewer, [courseId], manager)).get(courseId);
    if (!loaded || !this.authorization.can(viewer, TrainingAction.ReadCourse, loaded satisfies CourseResource)) throw new NotFoundError('The course');
    return loaded;
  }

  async catalogue(viewer: Viewer, args: CoursesArgs) {
    const after = decodeCursor(args.after);
    const all = this.authorization.can(viewer, TrainingAction.Manage);
    const rows = await this.repository.catalogue(viewer, all, all ? (args.state ?? null) : null, args.first, after);
    const loaded = await this.repository.load(viewer, rows.map((c) => c.id));
    const courses = rows.map((c) => loaded.get(c.id)).filter((c): c is LoadedCourse => c !== undefined);
    return toConnection(courses, args.first, (c) => [c.course.sortTitle, c.course.id], after !== undefined);
  }

  /** Creates a draft or replaces a course's content; lessons and questions keep their ids when given them. */
  async save(viewer: Viewer, input: SaveCourseInput): Promise<LoadedCourse> {
    this.authorization.assert(viewer, TrainingAction.Manage);
    if (input.questions.length > 0 && (input.passMark === null || input.passMark === undefined)) {
      throw ValidationError.field('passMark', 'Set a pass mark for the quiz.');
    }
    input.questions.forEach((q, i) => {
      if (!q.choices.some((c) => c.correct)) throw ValidationError.field(`questions.${i}.choices`, 'Mark at least one choice as right.');
    });
    const id = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      let course: CourseEntity;
      if (input.courseId) {
        const found = await manager.findOne(CourseEntity, { where: { id: input.courseId }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw new NotFoundError('The course');
        course = found;
      } else {
        course = manager.create(CourseEntity, { id: uuidv7(now.getTime()), state: CourseState.Draft, createdById: viewer.accountId, createdAt: now, publishedAt: null });
      }
      if (input.targetCohortId) {
        const [cohort]: unknown[] = await manager.query('SELECT 1 FROM cohorts WHERE id = $1', [input.targetCohortId]);
        if (!cohort) throw ValidationError.field('targetCohortId', 'That cohort does not exist.');
      }
      Object.assign(course, {
        title: input.title,
        sortTitle: input.title.toLowerCase(),
        description: input.description,
        descriptionHtml: renderMarkdown(input.description),
        audiences: input.audiences,
        targetCohortId: input.targetCohortId ?? null,
        targetDepartment: input.targetDepartment ?? null,
        targetCommunityManagers: input.targetCommunityManagers,
        passMark: input.questions.length > 0 ? (input.passMark ?? null) : null,
        updatedAt: now,
      });
      await manager.save(CourseEntity, course);
      await this.replaceLessons(manager, course.id, input);
      await this.replaceQuestions(manager, course.id, input);
      if (course.state === CourseState.Published && input.lessons.length === 0) throw ValidationError.field('lessons', 'A published course needs at least one lesson.');
      return course.id;
    });
    return this.course(viewer, id);
  }

  private async replaceLessons(manager: EntityManager, courseId: string, input: SaveCourseInput): Promise<void> {
    const existing = await manager.find(LessonEntity, { where: { courseId } });
    const ids = new Set(existing.map((l) => l.id));
    input.lessons.forEach((l, i) => {
      if (l.id && !ids.has(l.id)) throw ValidationError.field(`lessons.${i}.id`, 'That lesson is not part of this course.');
    });
    const kept = new Set(input.lessons.map((l) => l.id).filter((x): x is string => !!x));
    const removed = existing.filter((l) => !kept.has(l.id)).map((l) => l.id);
    if (removed.length > 0) await manager.delete(LessonEntity, { id: In(removed) });
    const rows = input.lessons.map((l, i) =>
      manager.create(LessonEntity, {
        id: l.id ?? uuidv7(),
        courseId,
        position: i + 1,
        title: l.title,
        body: l.body,
        bodyHtml: renderMarkdown(l.body),
        articleIds: [...new Set(l.articleIds)],
        videoUrl: l.videoUrl ?? null,
      }),
    );
    if (rows.length > 0) await manager.save(LessonEntity, rows);
  }

  private async replaceQuestions(manager: EntityManager, courseId: string, input: SaveCourseInput): Promise<void> {
    const existing = await manager.find(QuizQuestionEntity, { where: { courseId } });
    const ids = new Set(existing.map((q) => q.id));
    input.questions.forEach((q, i) => {
      if (q.id && !ids.has(q.id)) throw ValidationError.field(`questions.${i}.id`, 'That question is not part of this course.');
    });
    const kept = new Set(input.questions.map((q) => q.id).filter((x): x is string => !!x));
    const removed = existing.filter((q) => !kept.has(q.id)).map((q) => q.id);
    if (removed.length > 0) await manager.delete(QuizQuestionEntity, { id: In(removed) });
    const rows = input.questions.map((q, i) =>
      manager.create(QuizQuestionEntity, {
        id: q.id ?? uuidv7(),
        courseId,
        position: i + 1,
        prompt: q.prompt,
        choices: q.choices.map((c): QuizChoice => ({ id: c.id ?? uuidv7(), text: c.text, correct: c.correct })),
      }),
    );
    if (rows.length > 0) await manager.save(QuizQuestionEntity, rows);
  }

  /** Publishes (needs a lesson), archives, or takes back to draft (only while nobody is enrolled). */
  async setState(viewer: Viewer, input: SetCourseStateInput): Promise<LoadedCourse> {
    this.authorization.assert(viewer, TrainingAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const course = await manager.findOne(CourseEntity, { where: { id: input.courseId }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw new NotFoundError('The course');
      if (input.state === CourseState.Published && (await manager.count(LessonEntity, { where: { courseId: course.id } })) === 0) {
        throw new ConflictError('Add at least one lesson before publishing.', 'state');
      }
      if (input.state === CourseState.Draft && course.state !== CourseState.Draft && (await manager.count(EnrolmentEntity, { where: { courseId: course.id } })) > 0) {
        throw new ConflictError('People are enrolled in this course: archive it instead.', 'state');
      }
      const now = this.clock.now();
      course.state = input.state;
      if (input.state === CourseState.Published) course.publishedAt ??= now;
      course.updatedAt = now;
      await manager.save(CourseEntity, course);
    });
    return this.course(viewer, input.courseId);
  }

  /** Enrols the viewer in a published course of their catalogue. */
  async enrol(viewer: Viewer, courseId: string): Promise<EnrolmentRow> {
    const loaded = await this.course(viewer, courseId);
    if (loaded.facts.enrolled) throw new ConflictError('You are already enrolled in this course.');
    this.authorization.assert(viewer, TrainingAction.Enrol, loaded satisfies CourseResource);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.createQueryBuilder().insert().into(EnrolmentEntity)
        .values({ id: uuidv7(now.getTime()), courseId, accountId: viewer.accountId, enrolledAt: now })
        .orIgnore().execute();
    });
    return this.enrolment(viewer, courseId);
  }

  /** The viewer's enrolment in a course they may read; FORBIDDEN when they are not enrolled. */
  async enrolment(viewer: Viewer, courseId: string, manager?: EntityManager): Promise<EnrolmentRow> {
    const [row] = await this.repository.enrolmentsOf(viewer.accountId, [courseId], manager);
    if (!row) throw new ForbiddenError('Enrol in the course first.');
    return row;
  }

  /**
   * Assigns a published course with an optional due date to accounts, a cohort and/or a
   * department: the programme team to anyone in the course's audiences, a community's managers
   * to that community's members only. One statement writes them all; CourseAssigned carries the
   * account ids in batches.
   */
  async assign(viewer: Viewer, input: AssignCourseInput): Promise<CourseAssignmentResultType> {
    const access = input.communityId ? (await this.communities.visible(viewer, input.communityId)).access : null;
    if (!this.authorization.can(viewer, TrainingAction.Assign, { access } satisfies TrainingScopeResource)) {
      throw new ForbiddenError(input.communityId ? 'Only the community’s managers assign courses to its members.' : 'Choose a community you manage to assign a course to its members.');
    }
    this.authorization.assert(viewer, TrainingAction.Assign, { access } satisfies TrainingScopeResource);
    // Managers assign courses outside their own catalogue too: the course need only be published.
    const loaded = (await this.repository.load(viewer, [input.courseId])).get(input.courseId);
    if (!loaded || (loaded.course.state === CourseState.Draft && !this.authorization.can(viewer, TrainingAction.Manage))) throw new NotFoundError('The course');
    if (loaded.course.state !== CourseState.Published) throw new ConflictError('Publish the course before assigning it.', 'courseId');
    if (input.accountIds.length === 0 && !input.cohortId && !input.department) {
      throw ValidationError.field('accountIds', 'Choose people, a cohort or a department.');
    }
    const now = this.clock.now();
    if (input.dueAt && input.dueAt <= now) throw ValidationError.field('dueAt', 'Choose a due date in the future.');
    return this.dataSource.transaction(async (manager) => {
      const { targeted, written } = await this.repository.assign(manager, {
        courseId: input.courseId,
        audiences: loaded.course.audiences,
        accountIds: input.accountIds,
        cohortId: input.cohortId ?? null,
        department: input.department ?? null,
        communityId: input.communityId ?? null,
        dueAt: input.dueAt ?? null,
        assignedById: viewer.accountId,
        now,
      });
      const accountIds = written.map((w) => w.accountId);
      await this.events.record(
        manager,
        ...inBatches(accountIds, (ids) => ({
          type: KnowledgeEvent.CourseAssigned,
          communityId: input.communityId ?? null,
          subjectId: input.courseId,
          payload: { courseId: input.courseId, accountIds: ids, dueAt: input.dueAt?.toISOString() ?? null, assignedBy: viewer.accountId },
        })),
      );
      const assigned = written.filter((w) => w.inserted).length;
      return { assigned, updated: written.length - assigned, skipped: Math.max(0, targeted - written.length) };
    });
  }

  /** Marks a lesson done for the viewer (idempotent) and completes the course when that was the last step. */
  async completeLesson(viewer: Viewer, lessonId: string): Promise<EnrolmentRow> {
    const lesson = await this.dataSource.manager.findOne(LessonEntity, { where: { id: lessonId } });
    if (!lesson) throw new NotFoundError('The lesson');
    await this.course(viewer, lesson.courseId);
    const enrolment = await this.enrolment(viewer, lesson.courseId);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.createQueryBuilder().insert().into(LessonProgressEntity).values({ enrolmentId: enrolment.id, lessonId, completedAt: now }).orIgnore().execute();
      await this.completeIfDone(manager, enrolment.id, lesson.courseId, viewer.accountId, now);
    });
    return this.enrolment(viewer, lesson.courseId);
  }

  /**
   * Scores a quiz attempt: a question counts when exactly its right choices were picked.
   * Answers naming questions or choices the quiz does not have are BAD_USER_INPUT.
   */
  async submitQuiz(viewer: Viewer, input: SubmitQuizInput) {
    const loaded = await this.course(viewer, input.courseId);
    const enrolment = await this.enrolment(viewer, input.courseId);
    const questions = await this.repository.questions([input.courseId]);
    if (questions.length === 0 || loaded.course.passMark === null) throw new ConflictError('This course has no quiz.');
    const byId = new Map(questions.map((q) => [q.id, q]));
    const seen = new Set<string>();
    input.answers.forEach((answer, i) => {
      const question = byId.get(answer.questionId);
      if (!question) throw ValidationError.field(`answers.${i}.questionId`, 'That question is not part of this quiz.');
      if (seen.has(answer.questionId)) throw ValidationError.field(`answers.${i}.questionId`, 'Answer each question once.');
      seen.add(answer.questionId);
      const choiceIds = new Set(question.choices.map((c) => c.id));
      if (answer.choiceIds.some((c) => !choiceIds.has(c))) throw ValidationError.field(`answers.${i}.choiceIds`, 'That choice is not part of this question.');
    });
    const correctQuestionIds = questions
      .filter((q) => {
        const picked = new Set(input.answers.find((a) => a.questionId === q.id)?.choiceIds ?? []);
        const right = q.choices.filter((c) => c.correct).map((c) => c.id);
        return picked.size === right.length && right.every((c) => picked.has(c));
      })
      .map((q) => q.id);
    const score = Math.round((correctQuestionIds.length * 100) / questions.length);
    const passMark = loaded.course.passMark;
    const passed = score >= passMark;
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.insert(QuizAttemptEntity, {
        id: uuidv7(now.getTime()),
        enrolmentId: enrolment.id,
        answers: input.answers.map((a) => ({ questionId: a.questionId, choiceIds: a.choiceIds })),
        score,
        passed,
        submittedAt: now,
      });
      if (passed) await this.completeIfDone(manager, enrolment.id, input.courseId, viewer.accountId, now);
    });
    return { score, passed, passMark, correctQuestionIds, enrolment: await this.enrolment(viewer, input.courseId) };
  }

  private async completeIfDone(manager: EntityManager, enrolmentId: string, courseId: string, accountId: string, now: Date): Promise<void> {
    if (await this.repository.completeIfDone(manager, enrolmentId, now)) {
      await this.events.record(manager, { type: KnowledgeEvent.CourseCompleted, communityId: null, subjectId: courseId, payload: { courseId, accountId } });
    }
  }

  /** The viewer's certificate for a course they completed; NOT_FOUND before completion. */
  async certificate(viewer: Viewer, courseId: string): Promise<CourseCertificateType> {
    const loaded = await this.course(viewer, courseId);
    const [row] = await this.repository.enrolmentsOf(viewer.accountId, [courseId]);
    if (!row?.completedAt) throw new NotFoundError('The certificate');
    const account = await this.dataSource.manager.findOneOrFail(AccountEntity, { where: { id: viewer.accountId } });
    return { id: row.id, learnerName: account.displayName, courseId, courseTitle: loaded.course.title, completedAt: row.completedAt };
  }

  async myLearning(viewer: Viewer, args: MyLearningArgs) {
    const after = decodeCursor(args.after);
    const rows = await this.repository.myLearning(viewer.accountId, args.includeCompleted, args.first, after);
    return toConnection(rows, args.first, (r) => [r.enrolledAt.toISOString(), r.id], after !== undefined);
  }
}
