import { topAndBottom } from './breakdown';

const row = (label: string, value: number | null, suppressed = false) => ({ slice: { id: label, label }, value, suppressed });

describe('top and bottom slices', () => {
  it('takes the first and last shown values, the bottom lowest first', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((l, i) => row(l, 100 - i));
    const { top, bottom } = topAndBottom(rows, 5);
    expect(top.map((r) => r.slice.label)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(bottom.map((r) => r.slice.label)).toEqual(['l', 'k', 'j', 'i', 'h']);
  });

  it('never repeats a top slice in the bottom', () => {
    const rows = [row('a', 9), row('b', 8), row('c', 7), row('d', 6), row('e', 5), row('f', 4), row('g', 3)];
    const { top, bottom } = topAndBottom(rows, 5);
    expect(top).toHaveLength(5);
    expect(bottom.map((r) => r.slice.label)).toEqual(['g', 'f']);
    expect(topAndBottom(rows.slice(0, 3), 5).bottom).toEqual([]);
  });

  it('counts hidden slices and leaves out slices without a value', () => {
    const { top, hidden } = topAndBottom([row('a', 3), row('b', null, true), row('c', null), row('d', 1)], 5);
    expect(top.map((r) => r.slice.label)).toEqual(['a', 'd']);
    expect(hidden).toBe(1);
  });
});
