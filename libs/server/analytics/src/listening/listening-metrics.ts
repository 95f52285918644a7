import { ALL_BUCKETS, ALL_DIMENSIONS, MetricCategory, MetricCombine, MetricDirection, MetricUnit, type MetricDefinition } from '../metrics/metric-definition';
import { MAX_POST_SCORE } from './post-analyzer';

const daily = { category: MetricCategory.Listening, buckets: ALL_BUCKETS, dimensions: ALL_DIMENSIONS, source: 'DAILY' } as const;

/** What every listening metric counts, and how slices are made. */
const POSTS = 'posts people can read (forum threads, replies, blog posts, blog comments)';
const BY_AUTHOR =
  'Sliced by where the post was written (community) and by its author (department, audience, cohort).';
const SCORE = `A post’s score adds up the sentiment of its words from the AFINN lexicon (each word −5 to +5, e.g. “great” +3, “terrible” −3; “not good” counts as negative), capped to −${MAX_POST_SCORE}…+${MAX_POST_SCORE}.`;
const MENTION =
  'A mention is a place in a post that names a term of the organisation’s term lists (whole words or phrases, ignoring case and accents); a place named by two terms counts once.';

/** Sentiment and share of voice, rolled up by ListeningRollup from the posts' scores. */
export const LISTENING_METRICS: readonly MetricDefinition[] = [
  {
    key: 'AVERAGE_SENTIMENT',
    name: 'Average sentiment',
    description: `How positive posts are on average, from −${MAX_POST_SCORE} (very negative) to +${MAX_POST_SCORE} (very positive); 0 is neutral. ${SCORE} ${BY_AUTHOR}`,
    formula: `sum of the posts’ capped scores ÷ number of ${POSTS}, each summed over the bucket`,
    unit: MetricUnit.Score,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Ratio,
    ...daily,
  },
  {
    key: 'POSITIVE_SHARE',
    name: 'Positive posts',
    description: `The share of posts whose sentiment is positive (score above 0). ${SCORE} ${BY_AUTHOR}`,
    formula: `posts with a score > 0 ÷ ${POSTS}, each summed over the bucket`,
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Ratio,
    ...daily,
  },
  {
    key: 'NEGATIVE_SHARE',
    name: 'Negative posts',
    description: `The share of posts whose sentiment is negative (score below 0). ${SCORE} ${BY_AUTHOR}`,
    formula: `posts with a score < 0 ÷ ${POSTS}, each summed over the bucket`,
    unit: MetricUnit.Ratio,
    direction: MetricDirection.LowerIsBetter,
    combine: MetricCombine.Ratio,
    ...daily,
  },
  {
    key: 'OWN_MENTIONS',
    name: 'Mentions of our brands',
    description: `How often posts name our own brands and products (the OWN term lists). ${MENTION} ${BY_AUTHOR}`,
    formula: 'count of mentions of OWN terms per day, added up over the bucket',
    unit: MetricUnit.Count,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Sum,
    ...daily,
  },
  {
    key: 'COMPETITOR_MENTIONS',
    name: 'Mentions of competitors',
    description: `How often posts name competitors and their products (the COMPETITOR term lists). ${MENTION} ${BY_AUTHOR}`,
    formula: 'count of mentions of COMPETITOR terms per day, added up over the bucket',
    unit: MetricUnit.Count,
    direction: MetricDirection.Neutral,
    combine: MetricCombine.Sum,
    ...daily,
  },
  {
    key: 'SHARE_OF_VOICE',
    name: 'Share of voice',
    description: `Our share of the conversation about our market: of all mentions of our brands and competitors’, the share that are ours. ${MENTION} ${BY_AUTHOR}`,
    formula: 'own mentions ÷ (own mentions + competitor mentions), each summed over the bucket',
    unit: MetricUnit.Ratio,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Ratio,
    ...daily,
  },
  {
    key: 'CROSS_LINKS',
    name: 'Cross-links',
    description: `Links in posts to other content on the platform (a thread, a blog post, a knowledge article): people pointing others to what helped them, the platform's word of mouth. Each post counts each place it links to once. ${BY_AUTHOR}`,
    formula: 'distinct links to platform content per post, added up over the bucket',
    ...daily,
    category: MetricCategory.Engagement,
    unit: MetricUnit.Count,
    direction: MetricDirection.HigherIsBetter,
    combine: MetricCombine.Sum,
  },
];

export const LISTENING_METRIC_KEYS = LISTENING_METRICS.map((m) => m.key);
