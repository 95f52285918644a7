import { compareHeadlines, headlineCsv, lastMonth, monthName } from './snapshots';

const h = (key: string, value: number | null, direction = 'HIGHER_IS_BETTER', suppressed = false) => ({ key, name: key.toLowerCase(), unit: 'COUNT', direction, value, suppressed });

describe('monthly snapshots', () => {
  it('names months and finds the last one', () => {
    expect(monthName('2026-03')).toBe('March 2026');
    expect(lastMonth('2026-03-15')).toBe('2026-02');
    expect(lastMonth('2026-01-02')).toBe('2025-12');
  });

  it('compares headlines, telling better from worse by direction', () => {
    const rows = compareHeadlines(
      [h('MAU', 100), h('MEDIAN', 60, 'LOWER_IS_BETTER'), h('GONE', 1), h('SMALL', 3)],
      [h('MAU', 120), h('MEDIAN', 90, 'LOWER_IS_BETTER'), h('NEW', 5), h('SMALL', null, 'HIGHER_IS_BETTER', true)],
    );
    expect(rows.map((r) => [r.key, r.before, r.after, r.difference, r.better])).toEqual([
      ['MAU', 100, 120, 20, true],
      ['MEDIAN', 60, 90, 30, false],
      ['NEW', null, 5, null, null],
      ['SMALL', 3, null, null, null],
      ['GONE', 1, null, null, null],
    ]);
  });

  it('exports the headline without hidden values', () => {
    const csv = headlineCsv({ month: '2026-02', version: 2, from: '2026-02-01', to: '2026-02-28', headline: [h('MAU', 100), h('SMALL', 3, 'HIGHER_IS_BETTER', true)] });
    expect(csv.trimEnd().split('\r\n')).toEqual([
      'month,version,from,to,metric,metric_name,unit,value,suppressed',
      '2026-02,2,2026-02-01,2026-02-28,MAU,mau,COUNT,100,false',
      '2026-02,2,2026-02-01,2026-02-28,SMALL,small,COUNT,,true',
    ]);
  });
});
