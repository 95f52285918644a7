import type { CourseType, EnrolmentType, LessonType, QuizQuestionType } from './dto/training.types';
import type { LessonEntity } from './entities/lesson.entity';
import type { QuizQuestionEntity } from './entities/quiz-question.entity';
import type { CourseFacts } from './training-access';
import type { EnrolmentRow, LoadedCourse } from './training.repository';

/** A course type that keeps the viewer's facts for its permission fields. */
export type CourseWithFacts = CourseType & { facts: CourseFacts; managesCommunity: boolean };

export function toCourseType({ course, facts, managesCommunity }: LoadedCourse): CourseWithFacts {
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    descriptionHtml: course.descriptionHtml,
    audiences: course.audiences,
    targetCohortId: course.targetCohortId,
    targetDepartment: course.targetDepartment,
    targetCommunityManagers: course.targetCommunityManagers,
    state: course.state,
    passMark: course.passMark,
    publishedAt: course.publishedAt,
    createdAt: course.createdAt,
    updatedAt: course.updatedAt,
    facts,
    managesCommunity,
  };
}

export function toLessonType(lesson: LessonEntity): LessonType {
  return {
    id: lesson.id,
    position: lesson.position,
    title: lesson.title,
    body: lesson.body,
    bodyHtml: lesson.bodyHtml,
    articleIds: lesson.articleIds,
    videoUrl: lesson.videoUrl,
  };
}

export function toQuestionType(question: QuizQuestionEntity): QuizQuestionType {
  return {
    id: question.id,
    position: question.position,
    prompt: question.prompt,
    choices: question.choices.map((c) => ({ id: c.id, text: c.text, correct: c.correct })),
    multipleAnswers: question.choices.filter((c) => c.correct).length > 1,
  };
}

export function toEnrolmentType(row: EnrolmentRow, now: Date): EnrolmentType {
  const lessonsDone = row.completedLessonIds.length;
  return {
    id: row.id,
    courseId: row.courseId,
    accountId: row.accountId,
    enrolledAt: row.enrolledAt,
    assigned: row.assignedAt !== null,
    assignedAt: row.assignedAt,
    dueAt: row.dueAt,
    overdue: row.completedAt === null && row.dueAt !== null && row.dueAt < now,
    completedAt: row.completedAt,
    completedLessonIds: row.completedLessonIds,
    lessonsDone,
    lessonCount: row.lessonCount,
    progress: row.lessonCount === 0 ? 0 : Math.round((lessonsDone * 100) / row.lessonCount),
    bestScore: row.bestScore,
    quizPassed: row.quizPassed,
  };
}
