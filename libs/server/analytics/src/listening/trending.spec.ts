import { BASELINE_WEEKS, MIN_TREND_COUNT, trendingTopics, trendScore } from './trending';

const weeks = (history: number, current: number) => [...new Array<number>(BASELINE_WEEKS).fill(history), current];
const topic = (name: string, w: number[]) => ({ kind: 'TAG' as const, topic: name, people: 6, weeks: w });

describe('trending topics', () => {
  it('scores a week against its baseline in Poisson standard deviations, +1 smoothed', () => {
    expect(trendScore(6, 0)).toBe(6);
    expect(trendScore(6, 6)).toBe(0);
    expect(trendScore(11, 3)).toBe(4);
  });

  it('keeps topics significantly above their baseline, most significant first', () => {
    const result = trendingTopics([topic('steady', weeks(6, 6)), topic('spike', weeks(0, 6)), topic('rising', weeks(3, 11)), topic('mild', weeks(3, 6))], 10);
    expect(result.map((t) => t.topic)).toEqual(['spike', 'rising']);
    expect(result[0]).toMatchObject({ count: 6, baseline: 0, ratio: null, score: 6, spark: weeks(0, 6) });
    expect(result[1]).toMatchObject({ count: 11, baseline: 3, score: 4 });
    expect(result[1].ratio).toBeCloseTo(11 / 3);
  });

  it('needs a minimum count, however quiet the topic was', () => {
    expect(trendingTopics([topic('few', weeks(0, MIN_TREND_COUNT - 1))], 10)).toEqual([]);
    expect(trendingTopics([topic('enough', weeks(0, MIN_TREND_COUNT))], 10)).toHaveLength(1);
  });

  it('averages the baseline over all its weeks, quiet ones included, and honours the limit', () => {
    const uneven = [16, 0, 0, 0, 0, 0, 0, 0, 8];
    expect(trendingTopics([topic('uneven', uneven)], 10)[0]).toMatchObject({ baseline: 2, count: 8 });
    expect(trendingTopics([topic('a', weeks(0, 9)), topic('b', weeks(0, 8))], 1).map((t) => t.topic)).toEqual(['a']);
  });
});
