/** A course's life: DRAFT (the programme team only) → PUBLISHED (its audience) → ARCHIVED (its learners keep their records). */
export const CourseState = {
  Draft: 'DRAFT',
  Published: 'PUBLISHED',
  Archived: 'ARCHIVED',
} as const;
export type CourseState = (typeof CourseState)[keyof typeof CourseState];
export const COURSE_STATES: readonly CourseState[] = Object.values(CourseState);

/** Days before its due date that an unfinished assignment is reminded once. */
export const DUE_SOON_DAYS = 3;
