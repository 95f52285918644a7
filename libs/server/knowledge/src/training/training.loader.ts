import { Injectable } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import { LoaderKey, type GraphqlContext } from '@commons/server-graphql';
import type { LessonEntity } from './entities/lesson.entity';
import type { QuizQuestionEntity } from './entities/quiz-question.entity';
import { TrainingRepository, type EnrolmentRow, type LoadedCourse } from './training.repository';

const LESSONS = new LoaderKey<string, LessonEntity[]>('training-lessons');
const QUESTIONS = new LoaderKey<string, QuizQuestionEntity[]>('training-questions');
const VIEWER_ENROLMENTS = new LoaderKey<string, EnrolmentRow | null>('training-viewer-enrolments');
const COURSES = new LoaderKey<string, LoadedCourse | null>('training-courses');

const grouped = <T extends { courseId: string }>(ids: readonly string[], rows: T[]): T[][] => {
  const byCourse = new Map<string, T[]>();
  for (const row of rows) byCourse.set(row.courseId, [...(byCourse.get(row.courseId) ?? []), row]);
  return ids.map((id) => byCourse.get(id) ?? []);
};

/** What a page of courses or enrolments needs, one statement per kind for the whole page, per request. */
@Injectable()
export class TrainingLoaders {
  constructor(private readonly repository: TrainingRepository) {}

  lessons(ctx: GraphqlContext) {
    return ctx.loaders.get(LESSONS, async (ids) => grouped(ids, await this.repository.lessons(ids)));
  }

  questions(ctx: GraphqlContext) {
    return ctx.loaders.get(QUESTIONS, async (ids) => grouped(ids, await this.repository.questions(ids)));
  }

  viewerEnrolment(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(VIEWER_ENROLMENTS, async (ids) => {
      const rows = await this.repository.enrolmentsOf(viewer.accountId, ids);
      const byCourse = new Map(rows.map((r) => [r.courseId, r]));
      return ids.map((id) => byCourse.get(id) ?? null);
    });
  }

  course(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(COURSES, async (ids) => {
      const loaded = await this.repository.load(viewer, ids);
      return ids.map((id) => loaded.get(id) ?? null);
    });
  }
}
