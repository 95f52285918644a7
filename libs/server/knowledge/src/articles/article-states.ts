export const ArticleKind = { HowTo: 'HOW_TO', Playbook: 'PLAYBOOK', BestPractice: 'BEST_PRACTICE', Faq: 'FAQ' } as const;
export type ArticleKind = (typeof ArticleKind)[keyof typeof ArticleKind];
export const ARTICLE_KINDS: readonly ArticleKind[] = Object.values(ArticleKind);

/** DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED, for the working copy of the next version. */
export const ArticleState = { Draft: 'DRAFT', InReview: 'IN_REVIEW', Published: 'PUBLISHED', Archived: 'ARCHIVED' } as const;
export type ArticleState = (typeof ArticleState)[keyof typeof ArticleState];
export const ARTICLE_STATES: readonly ArticleState[] = Object.values(ArticleState);

export const DEFAULT_REVIEW_PERIOD_DAYS = 180;
