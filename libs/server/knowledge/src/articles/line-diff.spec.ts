import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('marks added, removed and unchanged lines with their numbers', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'UNCHANGED', text: 'a', oldNumber: 1, newNumber: 1 },
      { op: 'REMOVED', text: 'b', oldNumber: 2, newNumber: null },
      { op: 'ADDED', text: 'B', oldNumber: null, newNumber: 2 },
      { op: 'UNCHANGED', text: 'c', oldNumber: 3, newNumber: 3 },
      { op: 'ADDED', text: 'd', oldNumber: null, newNumber: 4 },
    ]);
  });

  it('handles empty texts', () => {
    expect(lineDiff('', 'x')).toEqual([{ op: 'ADDED', text: 'x', oldNumber: null, newNumber: 1 }]);
    expect(lineDiff('x', '')).toEqual([{ op: 'REMOVED', text: 'x', oldNumber: 1, newNumber: null }]);
    expect(lineDiff('', '')).toEqual([]);
  });
});
