import type { DashboardFilters } from './filters';

export interface ChartSpec {
  title: string;
  /** Metric keys, drawn in this order; all of one unit. */
  metrics: readonly string[];
  kind?: 'line' | 'stacked-bars';
}

export interface SectionSpec {
  title: string;
  charts: readonly ChartSpec[];
}

/** Charts of the support desk, the same for the organisation and a community. */
const SUPPORT: SectionSpec = {
  title: 'Support',
  charts: [
    { title: 'Response and resolution', metrics: ['RESPONSE_RATE', 'RESOLUTION_RATE'] },
    { title: 'Time to answer', metrics: ['MEDIAN_FIRST_RESPONSE_MINUTES', 'P90_FIRST_RESPONSE_MINUTES', 'MEDIAN_RESOLUTION_MINUTES', 'P90_RESOLUTION_MINUTES'] },
    { title: 'Questions and backlog', metrics: ['QUESTIONS_ASKED', 'UNANSWERED_BACKLOG'] },
  ],
};

/** The steering dashboard's sections over time; charts whose metrics the API does not define yet are left out. */
export const STEERING_SECTIONS: readonly SectionSpec[] = [
  {
    title: 'Adoption',
    charts: [
      { title: 'Active people', metrics: ['DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS'] },
      { title: 'Active members, stickiness and contributors', metrics: ['MONTHLY_ACTIVE_MEMBERS_RATIO', 'STICKINESS', 'CONTRIBUTOR_RATIO'] },
      { title: 'New members', metrics: ['NEW_MEMBERS'], kind: 'stacked-bars' },
      { title: 'Departments covered', metrics: ['DEPARTMENTS_COVERED'] },
    ],
  },
  {
    title: 'Engagement',
    charts: [
      { title: 'Posts by kind', metrics: ['THREADS', 'REPLIES', 'BLOG_POSTS', 'COMMENTS'], kind: 'stacked-bars' },
      { title: 'Conversation depth', metrics: ['REPLIES_PER_THREAD', 'PARTICIPANTS_PER_THREAD', 'POSTS_PER_ACTIVE_MEMBER'] },
      { title: 'How long conversations stay alive (hours)', metrics: ['MEDIAN_CONVERSATION_HOURS'] },
      { title: 'Reactions', metrics: ['REACTIONS'], kind: 'stacked-bars' },
    ],
  },
  SUPPORT,
  {
    title: 'Listening',
    charts: [
      { title: 'Sentiment', metrics: ['AVERAGE_SENTIMENT'] },
      { title: 'Positive and negative posts', metrics: ['POSITIVE_SHARE', 'NEGATIVE_SHARE'] },
      { title: 'Share of voice', metrics: ['SHARE_OF_VOICE'] },
      { title: 'Mentions of us and of competitors', metrics: ['OWN_MENTIONS', 'COMPETITOR_MENTIONS'] },
    ],
  },
  {
    title: 'Governance and learning',
    charts: [
      { title: 'Moderation volume', metrics: ['MODERATION_HOLDS', 'MODERATION_REJECTIONS', 'REVIEW_QUEUE_ENTRIES', 'REVIEWS_COMPLETED'] },
      { title: 'Time to review', metrics: ['MEDIAN_REVIEW_MINUTES', 'P90_REVIEW_MINUTES'] },
      { title: 'Appeals', metrics: ['APPEALS_UPHELD', 'APPEALS_OVERTURNED'], kind: 'stacked-bars' },
      { title: 'Flags, acknowledgements and completions', metrics: ['FLAGS', 'GUIDELINE_ACKNOWLEDGEMENTS', 'COURSE_COMPLETIONS'] },
      { title: 'Flag, acknowledgement and training rates', metrics: ['FLAG_RATE', 'GUIDELINE_ACKNOWLEDGEMENT_RATE', 'TRAINING_COMPLETION_RATIO'] },
    ],
  },
];

/** A community manager's charts for their community. */
export const COMMUNITY_SECTIONS: readonly SectionSpec[] = [
  {
    title: 'Adoption and engagement',
    charts: [
      { title: 'Active people', metrics: ['DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS'] },
      { title: 'Active members and contributors', metrics: ['MONTHLY_ACTIVE_MEMBERS_RATIO', 'CONTRIBUTOR_RATIO'] },
      { title: 'Posts by kind', metrics: ['THREADS', 'REPLIES', 'BLOG_POSTS', 'COMMENTS'], kind: 'stacked-bars' },
      { title: 'Conversation depth', metrics: ['REPLIES_PER_THREAD', 'PARTICIPANTS_PER_THREAD'] },
      { title: 'New members', metrics: ['NEW_MEMBERS'], kind: 'stacked-bars' },
    ],
  },
  SUPPORT,
  {
    title: 'Listening and moderation',
    charts: [
      { title: 'Sentiment', metrics: ['AVERAGE_SENTIMENT'] },
      { title: 'Share of voice', metrics: ['SHARE_OF_VOICE'] },
      { title: 'Moderation workload', metrics: ['MODERATION_HOLDS', 'MODERATION_REJECTIONS', 'REVIEW_QUEUE_ENTRIES', 'FLAGS'] },
      { title: 'Time to review', metrics: ['MEDIAN_REVIEW_MINUTES', 'P90_REVIEW_MINUTES'] },
    ],
  },
];

/** What the API can tell about a metric: enough to know whether a chart can show it. */
export interface Availability {
  dimensions: readonly string[];
  buckets: readonly string[];
}

/**
 * The sections and charts that can be shown for the filters: each chart keeps the metrics the
 * API defines and can slice and bucket that way; empty charts and sections are left out.
 */
export function visibleSections(sections: readonly SectionSpec[], definitions: ReadonlyMap<string, Availability>, filters: Pick<DashboardFilters, 'dimension' | 'bucket'>): SectionSpec[] {
  return sections.flatMap((section) => {
    const charts = section.charts.flatMap((chart) => {
      const metrics = chart.metrics.filter((key) => {
        const d = definitions.get(key);
        return d !== undefined && d.dimensions.includes(filters.dimension) && d.buckets.includes(filters.bucket);
      });
      return metrics.length > 0 ? [{ ...chart, metrics }] : [];
    });
    return charts.length > 0 ? [{ ...section, charts }] : [];
  });
}
