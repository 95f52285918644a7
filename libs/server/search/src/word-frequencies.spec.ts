import { requiredWords } from './word-frequencies';

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
