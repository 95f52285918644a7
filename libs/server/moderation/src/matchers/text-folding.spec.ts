import { foldTerm, skeleton, stretches, tokenize } from './text-folding';

const keys = (text: string) => tokenize(text).words.map((w) => w.key);

describe('tokenize', () => {
  it('folds case, accents, look-alikes and leetspeak digits into words', () => {
    expect(keys('ACME Ácme 4cme')).toEqual(['acme', 'acme', 'acme']);
    expect(keys('Zürich naïve CAFÉ')).toEqual(['zurich', 'naive', 'cafe']);
    // Cyrillic ѕ and і, full-width Ａ, mathematical bold 𝐟.
    expect(keys('ѕhіt Ａcme 𝐟oo')).toEqual(['shit', 'acme', 'foo']);
  });

  it('keeps the offsets of each word in the original text, surrogate pairs included', () => {
    const text = 'say 𝐟oo, Acme!';
    const { words } = tokenize(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['say', '𝐟oo', 'Acme']);
  });

  it('splits on symbols, and offers symbol-leetspeak readings of a word as variants', () => {
    const t = tokenize('sh!t $hit acme! and/or');
    expect(t.words.map((w) => w.key)).toEqual(['sh', 't', 'hit', 'acme', 'and', 'or']);
    expect(t.variants.map((v) => v.key)).toEqual(expect.arrayContaining(['shit', 'shit', 'acme', 'acmei', 'andlor']));
  });

  it('skips zero-width characters and combining marks inside a word', () => {
    expect(keys('ac\u200Bme a\u0301cme')).toEqual(['acme', 'acme']);
  });

  it('finds runs of spaced-out single letters', () => {
    expect(tokenize('this is s h i t and a.c.m.e but not I am a cat').spacedRuns.map((r) => r.map((t) => t.key).join(''))).toEqual(['shit', 'acme']);
  });
});

describe('term folding', () => {
  it('folds a listed term into words', () => {
    expect(foldTerm('Acme-Tools')).toEqual(['acme', 'tools']);
    expect(foldTerm('  Project   FALCON ')).toEqual(['project', 'falcon']);
  });

  it('compares stretched letters: repeated letters match, missing ones do not', () => {
    expect(skeleton('shiiiiit')).toBe('shit');
    expect(stretches('acme', 'acmmmme')).toBe(true);
    expect(stretches('ass', 'asss')).toBe(true);
    expect(stretches('ass', 'as')).toBe(false);
    expect(stretches('google', 'gogle')).toBe(false);
  });
});
