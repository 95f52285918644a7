import { isMatchableTerm, MAX_POST_SCORE, PostAnalyzer } from './post-analyzer';

describe('PostAnalyzer', () => {
  const analyzer = new PostAnalyzer([
    { kind: 'OWN', terms: ['Acme', 'Acme Cloud', 'Roadrunner'] },
    { kind: 'COMPETITOR', terms: ['Globex', 'Initech Suite'] },
  ]);

  it('scores sentiment with AFINN: known words, negation, title and body together', () => {
    expect(analyzer.analyze(null, 'This is great').score).toBe(3);
    expect(analyzer.analyze(null, 'This is terrible').score).toBe(-3);
    expect(analyzer.analyze('Great launch', 'but the rollout was terrible').score).toBe(0);
    expect(analyzer.analyze(null, 'not good').score).toBe(-3);
    // Code is not what people said.
    expect(analyzer.analyze(null, 'Fine:\n```\nterrible()\n```').score).toBe(2);
    expect(MAX_POST_SCORE).toBe(5);
  });

  it('counts mentions of own and competitor terms as whole words, ignoring case and accents, once per place', () => {
    const result = analyzer.analyze('ACME vs Globex', 'We moved from Globex to Acme Cloud; ácme is better than Initech suite. Acmeville and globexes do not count.');
    expect(result.ownMentions).toBe(3);
    expect(result.competitorMentions).toBe(3);
  });

  it('counts nothing without term lists', () => {
    expect(new PostAnalyzer([]).analyze(null, 'Acme and Globex')).toMatchObject({ ownMentions: 0, competitorMentions: 0 });
  });

  it('returns the key phrases of title and body', () => {
    expect(analyzer.analyze('Expense tool', 'The expense tool crashed again.').phrases).toEqual(['expense tool', 'tool crashed', 'expense tool crashed']);
  });

  it('refuses terms that would match noise', () => {
    expect(isMatchableTerm('a')).toBe(false);
    expect(isMatchableTerm('!!')).toBe(false);
    expect(isMatchableTerm('Acme')).toBe(true);
  });
});
