import { ALL_BUCKETS, ALL_DIMENSIONS, MetricCategory, MetricCombine, MetricDirection, MetricUnit, type MetricDefinition } from '../metrics/metric-definition';

/** Support metric keys; MEDIAN_FIRST_RESPONSE_MINUTES and RESOLUTION_RATE are also community objective keys. */
export const SupportMetric = {
  QuestionsAsked: 'QUESTIONS_ASKED',
  ResponseRate: 'RESPONSE_RATE',
  MedianFirstResponse: 'MEDIAN_FIRST_RESPONSE_MINUTES',
  P90FirstResponse: 'P90_FIRST_RESPONSE_MINUTES',
  ResolutionRate: 'RESOLUTION_RATE',
  MedianResolution: 'MEDIAN_RESOLUTION_MINUTES',
  P90Resolution: 'P90_RESOLUTION_MINUTES',
  UnansweredBacklog: 'UNANSWERED_BACKLOG',
} as const;
export type SupportMetric = (typeof SupportMetric)[keyof typeof SupportMetric];

/**
 * Computed on read from support_questions (see SupportMetricReader): medians and p90s cannot be
 * combined from daily values, and a question asked last week can be answered today, so every
 * number is about the questions asked in the period, as they stand now. `combine` is unused for
 * readers (they compute each bucket whole); it names the nearest daily equivalent.
 */
const reader = { category: MetricCategory.Support, buckets: ALL_BUCKETS, dimensions: ALL_DIMENSIONS, source: 'READER' } as const;
const QUESTIONS = 'questions (forum threads of the question kind) asked in the period, not counting those deleted or taken down';
const FIRST_RESPONSE = 'the first visible reply from someone other than the asker';
const RESOLVED = 'an answer was accepted';
/** percentile_cont: the value at rank p × (n − 1) of the sorted minutes, interpolated linearly. */
const PERCENTILE = 'percentile_cont (linear interpolation: 10, 20 and 60 minutes give a median of 20 and a p90 of 52)';

export const SUPPORT_METRICS: readonly MetricDefinition[] = [
  {
    key: SupportMetric.QuestionsAsked,
    name: 'Questions asked',
    description: `How many ${QUESTIONS}.`,
    formula: 'count of questions asked in the bucket',
    unit: MetricUnit.Count,
    direction: MetricDirection.Neutral,
    combine: MetricCombine.Sum,
    ...reader,
  },
  {
    key: SupportMetric.ResponseRate,
    name: 'Response rate',
    description: `Of the ${QUESTIONS}, the share that got ${FIRST_RESPONSE} (so far).`,
    formula: 'questions asked in the bucket with a first response ÷ questions asked in the bucket',
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Ratio,
    ...reader,
  },
  {
    key: SupportMetric.MedianFirstResponse,
    name: 'Median time to first response',
    description: `Of the ${QUESTIONS}, the median minutes until ${FIRST_RESPONSE}. Unanswered questions are not counted in the median; they lower the response rate instead.`,
    formula: `${PERCENTILE} at 0.5 of (first response − asked), in minutes, over the bucket's answered questions`,
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    ...reader,
  },
  {
    key: SupportMetric.P90FirstResponse,
    name: 'Time to first response (p90)',
    description: `Of the ${QUESTIONS} that were answered, 90% got ${FIRST_RESPONSE} within this many minutes.`,
    formula: `${PERCENTILE} at 0.9 of (first response − asked), in minutes, over the bucket's answered questions`,
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    ...reader,
  },
  {
    key: SupportMetric.ResolutionRate,
    name: 'Resolution rate',
    description: `Of the ${QUESTIONS}, the share where ${RESOLVED} (so far).`,
    formula: 'questions asked in the bucket with an accepted answer ÷ questions asked in the bucket',
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Ratio,
    ...reader,
  },
  {
    key: SupportMetric.MedianResolution,
    name: 'Median time to resolution',
    description: `Of the ${QUESTIONS}, the median minutes until ${RESOLVED} (the first acceptance). Unresolved questions are not counted; they lower the resolution rate instead.`,
    formula: `${PERCENTILE} at 0.5 of (first acceptance − asked), in minutes, over the bucket's resolved questions`,
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    ...reader,
  },
  {
    key: SupportMetric.P90Resolution,
    name: 'Time to resolution (p90)',
    description: `Of the ${QUESTIONS} that were resolved, 90% were resolved within this many minutes.`,
    formula: `${PERCENTILE} at 0.9 of (first acceptance − asked), in minutes, over the bucket's resolved questions`,
    unit: MetricUnit.Minutes,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    ...reader,
  },
  {
    key: SupportMetric.UnansweredBacklog,
    name: 'Unanswered backlog',
    description:
      'Questions waiting at the end of the period: asked before it ended, with no reply from anyone else and no accepted answer by then (deleted or taken-down questions not counted).',
    formula: 'count of questions with asked < end and no first response or acceptance before end, at the end of each bucket',
    unit: MetricUnit.Count,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Last,
    ...reader,
  },
];

export const SUPPORT_METRIC_KEYS = SUPPORT_METRICS.map((m) => m.key);
