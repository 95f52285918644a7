import { compileSafePattern, findPatternMatches, OVERLAP, WINDOW } from './safe-pattern';

const problem = (source: string, flags?: string) => {
  const result = compileSafePattern(source, flags);
  return result instanceof RegExp ? null : result;
};

describe('compileSafePattern', () => {
  it('compiles ordinary patterns, lookbehind included', () => {
    expect(problem('\\bproject[- ]?(falcon|eagle)\\b', 'i')).toBeNull();
    expect(problem('(?<=#)[A-Z]{2,}-\\d{3,6}')).toBeNull();
    expect(problem('\\p{Lu}{3,}', 'u')).toBeNull();
    // Quadratic on a run of letters, but bounded by the window: admitted.
    expect(problem('[a-z]+@[a-z]+\\.com')).toBeNull();
  });

  it('refuses invalid expressions and flags', () => {
    expect(problem('(unclosed')).toEqual({ property: 'pattern', message: expect.stringContaining('not a valid regular expression') });
    expect(problem('x', 'g')).toEqual({ property: 'flags', message: expect.any(String) });
    expect(problem('x', 'ii')).toEqual({ property: 'flags', message: expect.any(String) });
  });

  it('refuses nested quantifiers (catastrophic backtracking)', () => {
    expect(problem('(a+)+$')?.message).toContain('catastrophic');
    expect(problem('^(\\w+\\s?)*$')?.message).toContain('catastrophic');
  });

  it('refuses overlapping alternation that star height does not see, by probing', () => {
    expect(problem('^(a|a)*b$')?.message).toContain('takes too long');
    expect(problem('(x|x)*y')?.message).toContain('takes too long');
  });

  it('refuses backreferences and patterns that match empty text', () => {
    expect(problem('(\\w)\\1')?.message).toContain('backreference');
    expect(problem('(?<c>\\w)\\k<c>')?.message).toContain('backreference');
    expect(problem('a*')?.message).toContain('empty text');
  });
});

describe('findPatternMatches', () => {
  it('finds every non-empty match with offsets', () => {
    const regex = compileSafePattern('falcon', 'i') as RegExp;
    expect(findPatternMatches(regex, 'Falcon and FALCON', 10)).toEqual([
      { start: 0, end: 6, text: 'Falcon' },
      { start: 11, end: 17, text: 'FALCON' },
    ]);
  });

  it('scans long texts window by window without losing or repeating a match at a boundary', () => {
    const regex = compileSafePattern('code-\\d{4}') as RegExp;
    const positions = [0, WINDOW - OVERLAP - 5, WINDOW - 4, WINDOW + 500, 3 * WINDOW - 3];
    let text = 'x'.repeat(3 * WINDOW + 100);
    for (const p of positions) text = text.slice(0, p) + 'code-1234' + text.slice(p + 9);
    expect(findPatternMatches(regex, text, 100).map((h) => h.start)).toEqual(positions);
  });

  it('stops at the limit', () => {
    const regex = compileSafePattern('a') as RegExp;
    expect(findPatternMatches(regex, 'a'.repeat(50), 5)).toHaveLength(5);
  });
});
