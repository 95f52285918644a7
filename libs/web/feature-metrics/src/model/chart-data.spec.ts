import { anySuppressed, chartRows, latestValue, noData, periodLabel, periodName, seriesColour } from './chart-data';

const point = (start: string, value: number | null, suppressed = false) => ({ start, value, suppressed });

describe('chart data', () => {
  it('merges series into one row per period, hidden values as gaps', () => {
    const rows = chartRows([
      { definition: { key: 'DAU' }, points: [point('2025-03-10', 4), point('2025-03-03', 3)] },
      { definition: { key: 'MAU' }, points: [point('2025-03-03', 9), point('2025-03-10', 12, true)] },
    ]);
    expect(rows).toEqual([
      { start: '2025-03-03', DAU: 3, MAU: 9 },
      { start: '2025-03-10', DAU: 4, MAU: null },
    ]);
  });

  it('tells hidden values and empty series apart', () => {
    expect(anySuppressed([{ definition: { key: 'A' }, points: [point('2025-03-03', null, true)] }])).toBe(true);
    expect(noData([{ definition: { key: 'A' }, points: [point('2025-03-03', null, true)] }])).toBe(false);
    expect(noData([{ definition: { key: 'A' }, points: [point('2025-03-03', null)] }])).toBe(true);
    expect(noData([{ definition: { key: 'A' }, points: [point('2025-03-03', 0)] }])).toBe(false);
  });

  it('finds the latest value that is not a gap', () => {
    expect(latestValue([point('2025-03-03', 3), point('2025-03-10', null)])).toEqual(point('2025-03-03', 3));
    expect(latestValue([point('2025-03-03', 3), point('2025-03-10', null, true)])).toEqual(point('2025-03-10', null, true));
    expect(latestValue([point('2025-03-03', null)])).toBeNull();
  });

  it('names periods for axes and tables', () => {
    expect(periodLabel('2025-03-03', 'WEEK')).toBe('3 Mar');
    expect(periodLabel('2025-03-01', 'MONTH')).toBe('Mar 2025');
    expect(periodName('2025-03-03', 'WEEK')).toBe('week of 3 Mar 2025');
    expect(periodName('2025-03-03', 'DAY')).toBe('3 Mar 2025');
  });

  it('cycles through the colour-blind-safe palette', () => {
    expect(seriesColour(0)).toBe('#0072B2');
    expect(seriesColour(7)).toBe(seriesColour(0));
  });
});
