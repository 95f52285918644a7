/** Where the training screens live under /knowledge. */
export const trainingPaths = {
  catalogue: '/knowledge/courses',
  newCourse: '/knowledge/courses/new',
  course: (id: string) => `/knowledge/courses/${id}`,
  lesson: (id: string, lessonId: string) => `/knowledge/courses/${id}?lesson=${lessonId}`,
  quiz: (id: string) => `/knowledge/courses/${id}?step=quiz`,
  edit: (id: string) => `/knowledge/courses/${id}/edit`,
  assign: (id: string) => `/knowledge/courses/${id}/assign`,
  certificate: (id: string) => `/knowledge/courses/${id}/certificate`,
  myLearning: '/knowledge/learning',
  report: '/knowledge/training-report',
};
