import { foldTerm, skeleton, stretches, type Token, type TokenizedText } from './text-folding';

export interface TermEntry {
  /** Index of the rule in the compiled policy. */
  rule: number;
  /** The term as the policy lists it. */
  term: string;
  /** Its folded words. */
  words: string[];
}

export interface TermHit {
  entry: TermEntry;
  start: number;
  end: number;
}

/** Longest spaced-out run looked at ("a c m e" has 4 letters). */
const MAX_RUN = 40;

/**
 * Every blocked term of a policy (all rules together) in one hash index keyed by the
 * skeletons of their folded words. Looking up a text costs a few hash lookups per word,
 * whatever the number of terms: 5,000 terms cost the same per post as 5.
 */
export class TermIndex {
  private readonly entries = new Map<string, TermEntry[]>();
  /** Word counts of the terms (1 for "acme", 2 for "acme tools"). */
  private readonly lengths = new Set<number>();
  /** Skeletons of the first words of multi-word terms: only after these is a phrase looked up. */
  private readonly phraseStarts = new Set<string>();
  private maxWords = 0;
  private size = 0;

  /** Adds a term; returns false when it folds to fewer than two letters (it would match noise). */
  add(rule: number, term: string): boolean {
    const words = foldTerm(term);
    if (words.join('').length < 2) return false;
    const key = words.map(skeleton).join(' ');
    const list = this.entries.get(key) ?? [];
    if (list.some((e) => e.rule === rule && e.words.join(' ') === words.join(' '))) return true;
    list.push({ rule, term, words });
    this.entries.set(key, list);
    if (words.length > 1) this.phraseStarts.add(skeleton(words[0]));
    this.lengths.add(words.length);
    this.maxWords = Math.max(this.maxWords, words.length);
    this.size++;
    return true;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  find(text: TokenizedText): TermHit[] {
    if (this.size === 0) return [];
    const hits: TermHit[] = [];
    const seen = new Set<string>();
    const hit = (entry: TermEntry, start: number, end: number) => {
      const id = `${entry.rule}:${entry.term}:${start}`;
      if (seen.has(id)) return;
      seen.add(id);
      hits.push({ entry, start, end });
    };

    const { words } = text;
    const skeletons = text.skeletons;
    for (let i = 0; i < words.length; i++) {
      let key = '';
      const maxWords = this.phraseStarts.has(skeletons[i]) ? this.maxWords : 1;
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        key = n === 1 ? skeletons[i] : `${key} ${skeletons[i + n - 1]}`;
        if (!this.lengths.has(n)) continue;
        const candidates = this.entries.get(key);
        if (!candidates) continue;
        for (const entry of candidates) {
          if (entry.words.length === n && entry.words.every((w, k) => stretches(w, words[i + k].key))) hit(entry, words[i].start, words[i + n - 1].end);
        }
      }
    }

    if (this.lengths.has(1)) {
      for (const variant of text.variants) this.single(variant.key, variant.start, variant.end, hit);
      for (const run of text.spacedRuns) this.spaced(run, hit);
    }
    return hits;
  }

  private single(key: string, start: number, end: number, hit: (e: TermEntry, s: number, t: number) => void) {
    const candidates = this.entries.get(skeleton(key));
    if (!candidates) return;
    for (const entry of candidates) if (entry.words.length === 1 && stretches(entry.words[0], key)) hit(entry, start, end);
  }

  /** "a c m e": every stretch of two or more of the spaced letters, as one word. */
  private spaced(run: Token[], hit: (e: TermEntry, s: number, t: number) => void) {
    const letters = run.slice(0, MAX_RUN);
    for (let s = 0; s < letters.length; s++) {
      let key = letters[s].key;
      for (let e = s + 1; e < letters.length; e++) {
        key += letters[e].key;
        this.single(key, letters[s].start, letters[e].end, hit);
      }
    }
  }
}
