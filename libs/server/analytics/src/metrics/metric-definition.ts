/** Who a number is about: the whole organisation, or one slice of it. */
export const MetricDimension = {
  Organisation: 'ORGANISATION',
  Community: 'COMMUNITY',
  Department: 'DEPARTMENT',
  Audience: 'AUDIENCE',
  Cohort: 'COHORT',
} as const;
export type MetricDimension = (typeof MetricDimension)[keyof typeof MetricDimension];
export const METRIC_DIMENSIONS: readonly MetricDimension[] = Object.values(MetricDimension);
/** Every dimension but the organisation itself. */
export const SLICES: readonly MetricDimension[] = METRIC_DIMENSIONS.filter((d) => d !== MetricDimension.Organisation);

export const MetricBucket = { Day: 'DAY', Week: 'WEEK', Month: 'MONTH' } as const;
export type MetricBucket = (typeof MetricBucket)[keyof typeof MetricBucket];
export const METRIC_BUCKETS: readonly MetricBucket[] = Object.values(MetricBucket);

export const MetricCategory = {
  Adoption: 'ADOPTION',
  Engagement: 'ENGAGEMENT',
  Support: 'SUPPORT',
  Listening: 'LISTENING',
  Governance: 'GOVERNANCE',
} as const;
export type MetricCategory = (typeof MetricCategory)[keyof typeof MetricCategory];

export const MetricUnit = {
  Count: 'COUNT',
  People: 'PEOPLE',
  /** A share between 0 and 1, shown as a percentage. */
  Ratio: 'RATIO',
  Minutes: 'MINUTES',
  /** Per person or per thread: a plain number with decimals. */
  Average: 'AVERAGE',
  /** Sentiment: −5 (very negative) to +5 (very positive). */
  Score: 'SCORE',
} as const;
export type MetricUnit = (typeof MetricUnit)[keyof typeof MetricUnit];

export const MetricDirection = {
  HigherIsBetter: 'HIGHER_IS_BETTER',
  LowerIsBetter: 'LOWER_IS_BETTER',
  /** A volume to watch, neither good nor bad in itself (flags, moderation decisions). */
  Neutral: 'NEUTRAL',
} as const;
export type MetricDirection = (typeof MetricDirection)[keyof typeof MetricDirection];

/**
 * How a week's or month's value is made from the daily rows (numerator, denominator):
 * SUM adds numerators (counts); RATIO divides the summed numerators by the summed denominators;
 * LAST takes the bucket's last day (rolling windows such as monthly active users); MEAN averages
 * the days' values (daily active users over a week).
 */
export const MetricCombine = { Sum: 'SUM', Ratio: 'RATIO', Last: 'LAST', Mean: 'MEAN' } as const;
export type MetricCombine = (typeof MetricCombine)[keyof typeof MetricCombine];

/**
 * A number the steering committee and managers read, with its definition in plain words. The
 * API and the dashboards show the definition next to every value; community objectives name
 * metrics by key.
 */
export interface MetricDefinition {
  key: string;
  name: string;
  /** What it means, in plain words. */
  description: string;
  /** How it is computed, in words and symbols a reader can check. */
  formula: string;
  category: MetricCategory;
  unit: MetricUnit;
  direction: MetricDirection;
  /** The buckets it can be shown in (its granularity). */
  buckets: readonly MetricBucket[];
  /** What it can be sliced by; ORGANISATION means the unsliced total. */
  dimensions: readonly MetricDimension[];
  combine: MetricCombine;
  /**
   * Where its values come from: daily rows in metric_daily written by a DailyRollup, or a
   * MetricReader that computes buckets on read from facts tables (percentiles cannot be
   * combined from daily values).
   */
  source: 'DAILY' | 'READER';
}

export const ALL_BUCKETS: readonly MetricBucket[] = METRIC_BUCKETS;
export const ALL_DIMENSIONS: readonly MetricDimension[] = METRIC_DIMENSIONS;
