/**
 * Events the Center of Excellence records in the outbox (DomainEvents.record, in the write's
 * transaction). Notifications and, later, analytics listen to them; payloads carry ids only.
 */
export const KnowledgeEvent = {
  /** An article was submitted for review. payload: { articleId, reviewerIds: string[] } — subjectId: articleId. */
  ArticleReviewRequested: 'knowledge.article.review-requested',
  /** A reviewer approved or sent back an article. payload: { articleId, ownerIds: string[], approved: boolean, reviewerId } */
  ArticleReviewed: 'knowledge.article.reviewed',
  /** A version was published. payload: { articleId, versionId, versionNumber } */
  ArticlePublished: 'knowledge.article.published',
  /** An article's review is overdue; tells its owners once per due date. payload: { articleId, ownerIds: string[] } */
  ArticleReviewDue: 'knowledge.article.review-due',
  /** A guideline version was published. payload: { guidelineId, versionId, material: boolean } — a material one asks its audience to (re-)acknowledge. */
  GuidelineVersionPublished: 'knowledge.guideline.version-published',
  /** Someone acknowledged a guideline version. payload: { guidelineId, versionId, accountId } */
  GuidelineAcknowledged: 'knowledge.guideline.acknowledged',
  /** A manager reminded people who have not acknowledged. payload: { guidelineId, versionId, accountIds: string[] } (at most a few thousand ids per event; split larger batches). */
  GuidelineReminderSent: 'knowledge.guideline.reminder-sent',
  /** People were assigned a course. payload: { courseId, accountIds: string[], dueAt: string | null, assignedBy: string } */
  CourseAssigned: 'knowledge.course.assigned',
  /** An assignment is due soon. payload: { courseId, accountIds: string[], dueAt: string } */
  CourseDueSoon: 'knowledge.course.due-soon',
  /** Someone completed a course. payload: { courseId, accountId } */
  CourseCompleted: 'knowledge.course.completed',
} as const;
export type KnowledgeEvent = (typeof KnowledgeEvent)[keyof typeof KnowledgeEvent];
