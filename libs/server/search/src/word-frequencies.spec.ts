import { narrowingFor, requiredWords } from './word-frequencies';

describe('requiredWords', () => {
  it('lists the words every match must contain, from a querytree', () => {
    expect(requiredWords(`'databas'`)).toEqual(['databas']);
    expect(requiredWords(`'password' <-> 'manag'`)).toEqual(['password', 'manag']);
    expect(requiredWords(`'kubernet' & 'upgrad' <2> 'checklist'`)).toEqual(['kubernet', 'upgrad', 'checklist']);
    expect(requiredWords(`'o''brien'`)).toEqual(["o'brien"]);
  });

  it('gives none when a match may do without any one word, or nothing is required', () => {
    expect(requiredWords(`'experi' | 'write'`)).toEqual([]);
    expect(requiredWords('T')).toEqual([]);
  });
});

describe('narrowingFor', () => {
  it('reads a rare word from the index, a middling one by weeks, a common one by walking back in time', () => {
    // 600 of a million replies contain it: read them all.
    expect(narrowingFor(0.0006, 1_000_000, 200, 0.95)).toBe('index');
    // A table smaller than the candidates wanted is read from the index, whatever the share.
    expect(narrowingFor(0.5, 300, 200, 0.95)).toBe('index');
    expect(narrowingFor(0.02, 1_000_000, 200, 0.95)).toBe('weeks');
    expect(narrowingFor(0.3, 1_000_000, 200, 0.95)).toBe('walk');
  });

  it('reads a common word by weeks where the rows are scattered in time, as a walk would read a page per post', () => {
    expect(narrowingFor(0.3, 20_000, 200, -0.01)).toBe('weeks');
    expect(narrowingFor(0.3, 20_000, 200, -0.95)).toBe('walk');
  });
});
