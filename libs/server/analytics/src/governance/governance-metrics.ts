import {
  ALL_BUCKETS,
  ALL_DIMENSIONS,
  MetricCategory,
  MetricCombine,
  MetricDimension,
  MetricDirection,
  MetricUnit,
  type MetricDefinition,
} from '../metrics/metric-definition';

export const GovernanceMetric = {
  Holds: 'MODERATION_HOLDS',
  Rejections: 'MODERATION_REJECTIONS',
  QueueEntries: 'REVIEW_QUEUE_ENTRIES',
  ReviewsCompleted: 'REVIEWS_COMPLETED',
  MedianReview: 'MEDIAN_REVIEW_MINUTES',
  P90Review: 'P90_REVIEW_MINUTES',
  AppealsUpheld: 'APPEALS_UPHELD',
  AppealsOverturned: 'APPEALS_OVERTURNED',
  TrainingCompletion: 'TRAINING_COMPLETION_RATIO',
  GuidelineAcknowledgement: 'GUIDELINE_ACKNOWLEDGEMENT_RATE',
} as const;

/** Moderation happens in communities: its volumes are for the organisation and each community. */
const MODERATION_DIMENSIONS = [MetricDimension.Organisation, MetricDimension.Community] as const;
const moderation = { category: MetricCategory.Governance, buckets: ALL_BUCKETS, dimensions: MODERATION_DIMENSIONS } as const;

function volume(key: string, name: string, what: string): MetricDefinition {
  return {
    key,
    name,
    description: `How many ${what} there were in the period.`,
    formula: `count of ${what} per day, added up over the bucket`,
    unit: MetricUnit.Count,
    direction: MetricDirection.Neutral,
    combine: MetricCombine.Sum,
    source: 'DAILY',
    ...moderation,
  };
}

const REVIEW = 'from entering the review queue (held by the policy or hidden by flags) to a moderator’s decision, over the items decided in the period';

/**
 * Governance: moderation volumes and review times (GovernanceRollup, ReviewTimeReader), and the
 * programme's guideline acknowledgement and training completion rates as daily snapshots.
 */
export const GOVERNANCE_METRICS: readonly MetricDefinition[] = [
  volume(GovernanceMetric.Holds, 'Posts held for review', 'posts the moderation policy held for a moderator’s review'),
  volume(GovernanceMetric.Rejections, 'Posts rejected by the policy', 'posts the moderation policy refused outright'),
  volume(GovernanceMetric.QueueEntries, 'Review queue entries', 'posts entering the review queue (held by the policy or hidden by members’ flags)'),
  volume(GovernanceMetric.ReviewsCompleted, 'Reviews completed', 'review-queue items a moderator approved or rejected'),
  {
    key: GovernanceMetric.MedianReview,
    name: 'Median time to review',
    description: `The median minutes ${REVIEW}.`,
    formula: 'percentile_cont at 0.5 of (left the queue − entered it), in minutes, over the items that left the queue in the bucket',
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    source: 'READER',
    ...moderation,
  },
  {
    key: GovernanceMetric.P90Review,
    name: 'Time to review (p90)',
    description: `90% of review-queue items were decided within this many minutes, ${REVIEW}.`,
    formula: 'percentile_cont at 0.9 of (left the queue − entered it), in minutes, over the items that left the queue in the bucket',
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    source: 'READER',
    ...moderation,
  },
  volume(GovernanceMetric.AppealsUpheld, 'Appeals upheld', 'appeals decided by keeping the original moderation decision (status UPHELD)'),
  volume(GovernanceMetric.AppealsOverturned, 'Appeals overturned', 'appeals decided in the author’s favour, reversing the moderation decision (status OVERTURNED)'),
  {
    key: GovernanceMetric.TrainingCompletion,
    name: 'Training completion',
    description:
      'Of the course enrolments (assigned or self-enrolled, in published or archived courses) of the people in the slice, the share completed by the end of the day. Over a week or month: its last day.',
    formula: 'completed enrolments ÷ enrolments, of people in the slice, as of the end of the day',
    category: MetricCategory.Governance,
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Last,
    buckets: ALL_BUCKETS,
    dimensions: ALL_DIMENSIONS,
    source: 'DAILY',
  },
  {
    key: GovernanceMetric.GuidelineAcknowledgement,
    name: 'Guideline acknowledgement',
    description:
      'Of what the people in the slice must acknowledge (each platform-wide guideline that requires it, for the active people of its audiences), the share acknowledged (the required version or a later one) by the end of the day. With one such guideline: the people who acknowledged ÷ the people who must. Over a week or month: its last day.',
    formula: 'Σ over required platform guidelines of people who acknowledged ÷ Σ of people who must, in the slice, as of the end of the day',
    category: MetricCategory.Governance,
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Last,
    buckets: ALL_BUCKETS,
    dimensions: ALL_DIMENSIONS,
    source: 'DAILY',
  },
];

export const GOVERNANCE_DAILY_KEYS = GOVERNANCE_METRICS.filter((m) => m.source === 'DAILY').map((m) => m.key);
export const REVIEW_TIME_KEYS: readonly string[] = [GovernanceMetric.MedianReview, GovernanceMetric.P90Review];
