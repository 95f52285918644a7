import { formatMetricValue, formatMinutes, formatRatio, formatScore, NO_VALUE } from './format';

describe('metric values in their units', () => {
  it('shows ratios as percentages, with one decimal only when it is needed', () => {
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(0.4231)).toBe('42.3%');
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatMetricValue(0.034, 'RATIO')).toBe('3.4%');
  });

  it('shows minutes as hours and minutes, and days beyond a day', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(0.2)).toBe('< 1 min');
    expect(formatMinutes(20)).toBe('20 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(80)).toBe('1 h 20 min');
    expect(formatMinutes(80.4)).toBe('1 h 20 min');
    expect(formatMinutes(24 * 60)).toBe('1 d');
    expect(formatMinutes(27 * 60 + 10)).toBe('1 d 3 h');
    expect(formatMetricValue(90, 'MINUTES')).toBe('1 h 30 min');
  });

  it('shows scores with their sign', () => {
    expect(formatScore(1.24)).toBe('+1.2');
    expect(formatScore(-0.75)).toBe('−0.8');
    expect(formatScore(0.01)).toBe('0.0');
    expect(formatMetricValue(2, 'SCORE')).toBe('+2.0');
  });

  it('shows counts and people with thousands separators, averages with two decimals', () => {
    expect(formatMetricValue(12345, 'COUNT')).toBe('12,345');
    expect(formatMetricValue(2.25, 'PEOPLE')).toBe('2.3');
    expect(formatMetricValue(1.256, 'AVERAGE')).toBe('1.26');
  });

  it('shows a missing value as a dash', () => {
    expect(formatMetricValue(null, 'COUNT')).toBe(NO_VALUE);
    expect(formatMetricValue(undefined, 'RATIO')).toBe(NO_VALUE);
  });
});
