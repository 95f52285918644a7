import type { Audience, CourseFieldsFragment, SaveCourseInput } from '@commons/web-data-access';

/** A course as the editor holds it: lists in order, each item with a key for React and its id once saved. */
export interface LessonDraft {
  key: string;
  id: string | null;
  title: string;
  body: string;
  videoUrl: string;
  articleIds: string;
}
export interface ChoiceDraft {
  key: string;
  id: string | null;
  text: string;
  correct: boolean;
}
export interface QuestionDraft {
  key: string;
  id: string | null;
  prompt: string;
  choices: ChoiceDraft[];
}
export interface CourseDraft {
  title: string;
  description: string;
  audiences: Audience[];
  targetCohortId: string | null;
  targetDepartment: string;
  targetCommunityManagers: boolean;
  passMark: number;
  lessons: LessonDraft[];
  questions: QuestionDraft[];
}

let sequence = 0;
export const newKey = () => `new-${++sequence}`;

export const emptyLesson = (): LessonDraft => ({ key: newKey(), id: null, title: '', body: '', videoUrl: '', articleIds: '' });
export const emptyChoice = (): ChoiceDraft => ({ key: newKey(), id: null, text: '', correct: false });
export const emptyQuestion = (): QuestionDraft => ({ key: newKey(), id: null, prompt: '', choices: [emptyChoice(), emptyChoice()] });

export const emptyCourse = (): CourseDraft => ({
  title: '',
  description: '',
  audiences: ['EMPLOYEE'],
  targetCohortId: null,
  targetDepartment: '',
  targetCommunityManagers: false,
  passMark: 80,
  lessons: [emptyLesson()],
  questions: [],
});

export function draftOf(course: CourseFieldsFragment): CourseDraft {
  return {
    title: course.title,
    description: course.description,
    audiences: course.audiences,
    targetCohortId: course.targetCohortId,
    targetDepartment: course.targetDepartment ?? '',
    targetCommunityManagers: course.targetCommunityManagers,
    passMark: course.passMark ?? 80,
    lessons: course.lessons.map((l) => ({ key: l.id, id: l.id, title: l.title, body: l.body, videoUrl: l.videoUrl ?? '', articleIds: l.articleIds.join(', ') })),
    questions: course.quiz.map((q) => ({ key: q.id, id: q.id, prompt: q.prompt, choices: q.choices.map((c) => ({ key: c.id, id: c.id, text: c.text, correct: c.correct ?? false })) })),
  };
}

/** Moves the item at `index` one place up (-1) or down (+1). */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

export function toSaveInput(courseId: string | null, draft: CourseDraft): SaveCourseInput {
  return {
    courseId,
    title: draft.title,
    description: draft.description,
    audiences: draft.audiences,
    targetCohortId: draft.targetCohortId,
    targetDepartment: draft.targetDepartment.trim() || null,
    targetCommunityManagers: draft.targetCommunityManagers,
    passMark: draft.questions.length > 0 ? draft.passMark : null,
    lessons: draft.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      body: l.body,
      videoUrl: l.videoUrl.trim() || null,
      articleIds: l.articleIds.split(/[\s,]+/u).filter(Boolean),
    })),
    questions: draft.questions.map((q) => ({ id: q.id, prompt: q.prompt, choices: q.choices.map((c) => ({ id: c.id, text: c.text, correct: c.correct })) })),
  };
}
