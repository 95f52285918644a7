export const TopicKind = { Tag: 'TAG', Phrase: 'PHRASE' } as const;
export type TopicKind = (typeof TopicKind)[keyof typeof TopicKind];

/** Weeks of history a topic's week is compared with. */
export const BASELINE_WEEKS = 8;
/** Fewest mentions in the week for a topic to trend, however quiet it was before. */
export const MIN_TREND_COUNT = 5;
/** How far above its baseline a week must be, in Poisson standard deviations (one-sided p ≈ 0.001). */
export const MIN_TREND_Z = 3;

/** How trending works, for the API's descriptions. */
export const TRENDING_RULE =
  `A topic (a tag, or a key phrase: 2–3 words in a row without stop words) trends when its mentions (posts naming it) in the 7 days ending on the day asked ` +
  `are significantly above its baseline, the mean of the ${BASELINE_WEEKS} weeks before: count ≥ ${MIN_TREND_COUNT} and z = (count − baseline) ÷ √(baseline + 1) ≥ ${MIN_TREND_Z}. ` +
  `z is a Poisson z-score (a week’s count varies by about √baseline around the baseline); the +1 keeps a topic with no history from scoring infinitely. ` +
  `Topics written about by fewer people than the minimum group size that week are never shown.`;

export interface TopicWeeks {
  kind: TopicKind;
  topic: string;
  /** Distinct people who mentioned it this week. */
  people: number;
  /** Mentions per 7-day window, oldest first; the last one is the week asked about (BASELINE_WEEKS + 1 values). */
  weeks: readonly number[];
}

export interface TrendingTopic {
  kind: TopicKind;
  topic: string;
  count: number;
  people: number;
  /** Mean mentions per week over the baseline weeks. */
  baseline: number;
  /** count ÷ baseline; null for a topic with no history. */
  ratio: number | null;
  /** The Poisson z-score the topic is ranked by. */
  score: number;
  spark: number[];
}

/** How many Poisson standard deviations a week's count is above the baseline (+1 smoothing). */
export function trendScore(count: number, baseline: number): number {
  return (count - baseline) / Math.sqrt(baseline + 1);
}

/** The topics that trend, most significant first (then by count, then alphabetically). */
export function trendingTopics(candidates: readonly TopicWeeks[], limit: number): TrendingTopic[] {
  const trending: TrendingTopic[] = [];
  for (const candidate of candidates) {
    const weeks = [...candidate.weeks];
    const count = weeks[weeks.length - 1] ?? 0;
    const history = weeks.slice(0, -1);
    const baseline = history.reduce((sum, n) => sum + n, 0) / BASELINE_WEEKS;
    const score = trendScore(count, baseline);
    if (count < MIN_TREND_COUNT || score < MIN_TREND_Z) continue;
    trending.push({ kind: candidate.kind, topic: candidate.topic, count, people: candidate.people, baseline, ratio: baseline > 0 ? count / baseline : null, score, spark: weeks });
  }
  return trending.sort((a, b) => b.score - a.score || b.count - a.count || a.topic.localeCompare(b.topic)).slice(0, limit);
}
