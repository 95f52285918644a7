import {
  compareMatchByPositionAndId,
  englishDataset,
  englishRecommendedBlacklistMatcherTransformers,
  englishRecommendedWhitelistMatcherTransformers,
  SyntaxKind,
  type MatchPayload,
  type ParsedPattern,
  type SimpleTransformerContainer,
  type StatefulTransformer,
  type TransformerContainer,
} from 'obscenity';

export interface ProfanityHit {
  /** The preset's word ("shit" for "sh1t"). */
  word: string;
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * The `obscenity` English preset — its words, patterns, transformers and whitelist — matched
 * the way obscenity's RegExpMatcher matches it, with the same results, at a fraction of the
 * cost. RegExpMatcher transforms the whole text twice (~0.2 µs per character) and runs all
 * 119 pattern expressions, about 1 ms for a 4,000-character post, most of a write's moderation
 * budget. Here:
 *  1. the text is transformed by the preset's own transformer objects, their stateless part
 *     memoised per character;
 *  2. only the patterns whose longest literal occurs in the result are kept ("ass" occurs in
 *     "class"; a clean post usually keeps none and stops here);
 *  3. those patterns' expressions, built as obscenity builds them (pattern/Util.ts), run on the
 *     transformed text ("\bass\b" does not match "class");
 *  4. a match inside one of the preset's whitelisted phrases is dropped, as obscenity drops it
 *     ("analysis" contains "anal"), searching only around the match.
 * Steps 2 and 4 only skip work whose outcome is known. profanity.spec.ts checks on thousands of
 * texts that the hits are RegExpMatcher's, hit for hit; obscenity is pinned to 0.4.6.
 */
export class ProfanityMatcher {
  private static instance: ProfanityMatcher | undefined;

  /** Built on first use (a few ms) and shared: the preset does not change. */
  static shared(): ProfanityMatcher {
    ProfanityMatcher.instance ??= new ProfanityMatcher();
    return ProfanityMatcher.instance;
  }

  private readonly blacklistChain = new TransformChain(englishRecommendedBlacklistMatcherTransformers);
  private readonly whitelistChain = new TransformChain(englishRecommendedWhitelistMatcherTransformers);
  private readonly whitelist: string[];
  /** Longest whitelisted phrase, plus a margin. */
  private readonly whitelistReach: number;
  /** Each pattern's term id in the dataset. */
  private readonly termIds: number[] = [];
  /** Each pattern as obscenity compiles it (pattern/Util.ts compilePatternToRegExp). */
  private readonly regexes: RegExp[] = [];
  /** Each pattern's longest literal, keyed by its first two characters, with the patterns that contain it. */
  private readonly literals = new Map<number, { chars: number[]; patterns: number[] }[]>();
  /** Patterns with no literal of two characters or more: always tested. */
  private readonly unfiltered: number[] = [];
  /** For ASCII pairs, the literals starting with them, by index (0: none): no Map lookup on the hot loop. */
  private readonly asciiPairs = new Uint16Array(128 * 128);
  private readonly asciiLiterals: { chars: number[]; patterns: number[] }[][] = [[]];

  private constructor() {
    const built = englishDataset.build();
    this.whitelist = built.whitelistedTerms ?? [];
    this.whitelistReach = Math.max(0, ...this.whitelist.map((t) => t.length)) + 8;
    built.blacklistedTerms.forEach((term, index) => {
      this.termIds.push(term.id);
      this.regexes.push(compilePattern(term.pattern));
      let longest: number[] = [];
      for (const node of term.pattern.nodes) if (node.kind === SyntaxKind.Literal && node.chars.length > longest.length) longest = node.chars;
      if (longest.length < 2 || longest.some((c) => c > 0xffff)) {
        this.unfiltered.push(index);
        return;
      }
      const key = longest[0] * 0x10000 + longest[1];
      const list = this.literals.get(key) ?? [];
      if (longest[0] < 128 && longest[1] < 128 && !this.literals.has(key)) {
        this.asciiPairs[(longest[0] << 7) | longest[1]] = this.asciiLiterals.length;
        this.asciiLiterals.push(list);
      }
      const same = list.find((l) => l.chars.length === longest.length && l.chars.every((c, i) => c === longest[i]));
      if (same) same.patterns.push(index);
      else list.push({ chars: longest, patterns: [index] });
      this.literals.set(key, list);
    });
  }

  /** The preset's matches in the text, sorted by position (RegExpMatcher.getAllMatches(text, true)). */
  find(text: string): ProfanityHit[] {
    const units = new Uint16Array(text.length * 2);
    const length = this.blacklistChain.apply(text, units, null);
    const candidates = this.candidates(units, length);
    if (candidates.size === 0) return [];

    const transformed = fromUnits(units, length);
    let origin: Int32Array | undefined;
    const matches: MatchPayload[] = [];
    for (const p of candidates) {
      const regex = this.regexes[p];
      regex.lastIndex = 0;
      for (let m = regex.exec(transformed); m !== null; m = regex.exec(transformed)) {
        if (!origin) {
          origin = new Int32Array(units.length);
          this.blacklistChain.apply(text, units, origin);
        }
        const start = origin[m.index];
        let end = origin[m.index + m[0].length - 1];
        if (end < text.length - 1 && isHigh(text.charCodeAt(end)) && isLow(text.charCodeAt(end + 1))) end++;
        if (this.isWhitelisted(text, start, end)) continue;
        matches.push({ termId: this.termIds[p], startIndex: start, endIndex: end, matchLength: [...m[0]].length });
      }
    }
    return matches.sort(compareMatchByPositionAndId).map((match) => ({
      word: englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? text.slice(match.startIndex, match.endIndex + 1),
      start: match.startIndex,
      // obscenity's end index is inclusive.
      end: match.endIndex + 1,
    }));
  }

  /** The patterns whose longest literal occurs in the transformed text (plus those without one). */
  private candidates(units: Uint16Array, length: number): Set<number> {
    const candidates = new Set<number>(this.unfiltered);
    const asciiPairs = this.asciiPairs;
    const asciiLiterals = this.asciiLiterals;
    for (let i = 0; i + 1 < length; i++) {
      const a = units[i];
      const b = units[i + 1];
      let literals: { chars: number[]; patterns: number[] }[] | undefined;
      if (a < 128 && b < 128) {
        const at = asciiPairs[(a << 7) | b];
        if (at === 0) continue;
        literals = asciiLiterals[at];
      } else {
        literals = this.literals.get(a * 0x10000 + b);
        if (!literals) continue;
      }
      for (const { chars, patterns } of literals) {
        if (i + chars.length > length) continue;
        let k = 2;
        while (k < chars.length && units[i + k] === chars[k]) k++;
        if (k === chars.length) for (const p of patterns) candidates.add(p);
      }
    }
    return candidates;
  }

  /**
   * Whether an occurrence of a whitelisted phrase contains [start, end], as obscenity decides
   * it. Such an occurrence lies within the longest phrase's length of the match in the
   * whitelist-transformed text, so only that neighbourhood is transformed and searched: the
   * window is widened by `whitelistReach` transformed characters on each side (a space right
   * after a space is collapsed by the transform, so it does not count).
   */
  private isWhitelisted(text: string, start: number, end: number): boolean {
    let from = start;
    for (let kept = 0; from > 0 && kept < this.whitelistReach; from--) if (!(text.charCodeAt(from - 1) === 32 && text.charCodeAt(from - 2) === 32)) kept++;
    let to = end + 1;
    for (let kept = 0; to < text.length && kept < this.whitelistReach; to++) if (!(text.charCodeAt(to) === 32 && text.charCodeAt(to - 1) === 32)) kept++;
    return this.whitelistedIntervals(text, from, to).some(([lower, upper]) => lower <= start && end <= upper);
  }

  /** Where the whitelisted phrases occur in text[from, to) (inclusive offsets in the text), as obscenity finds them. */
  private whitelistedIntervals(text: string, from: number, to: number): [number, number][] {
    const part = from === 0 && to >= text.length ? text : text.slice(from, to);
    const units = new Uint16Array(part.length * 2);
    const origin = new Int32Array(units.length);
    const transformed = fromUnits(units, this.whitelistChain.apply(part, units, origin));
    const intervals: [number, number][] = [];
    for (const term of this.whitelist) {
      for (let at = transformed.indexOf(term); at !== -1; at = transformed.indexOf(term, at + term.length)) {
        let upper = from + origin[at + term.length - 1];
        if (upper < text.length - 1 && isHigh(text.charCodeAt(upper)) && isLow(text.charCodeAt(upper + 1))) upper++;
        intervals.push([from + origin[at], upper]);
      }
    }
    return intervals;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function fromUnits(units: Uint16Array, length: number): string {
  let out = '';
  // apply() with a typed array, not a spread: a spread of thousands of arguments is ~8× slower.
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 4096)) as unknown as number[]);
  return out;
}

const UNKNOWN = -2;
const DROPPED = -1;

/**
 * A chain of obscenity transformers applied as obscenity's matcher applies it — code point by
 * code point, a dropped character gone — with the result of the leading stateless transformers
 * memoised per code point. Gives UTF-16 units and, for each, the offset of the original
 * character it came from.
 */
class TransformChain {
  private readonly simple: SimpleTransformerContainer[] = [];
  /** The transformers after the leading stateless ones: stateless containers and stateful instances both have transform(c). */
  private readonly tail: { transform(c: number): number | undefined }[] = [];
  private readonly stateful: StatefulTransformer[] = [];
  private readonly bmp = new Int32Array(0x10000).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();

  constructor(transformers: readonly TransformerContainer[]) {
    for (const t of transformers) {
      if ('transform' in t && this.tail.length === 0) this.simple.push(t);
      else if ('transform' in t) this.tail.push(t);
      else {
        const instance = t.factory();
        this.tail.push(instance);
        this.stateful.push(instance);
      }
    }
  }

  /**
   * Transforms the text into `units` (UTF-16, at least twice the text's length); returns how
   * many were written. `origin`, when given (same size), receives each unit's original offset.
   */
  apply(text: string, units: Uint16Array, origin: Int32Array | null): number {
    for (const s of this.stateful) s.reset();
    const bmp = this.bmp;
    const tail = this.tail;
    let n = 0;
    for (let i = 0; i < text.length; ) {
      const position = i;
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
      let c: number | undefined = cp < 0x10000 ? bmp[cp] : (this.astral.get(cp) ?? UNKNOWN);
      if (c === UNKNOWN) c = this.memoise(cp);
      if (c === DROPPED) continue;
      for (let t = 0; t < tail.length && c !== undefined; t++) c = tail[t].transform(c);
      if (c === undefined) continue;
      if (c > 0xffff) {
        if (origin) origin[n] = origin[n + 1] = position;
        units[n++] = 0xd800 + ((c - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
      } else {
        if (origin) origin[n] = position;
        units[n++] = c;
      }
    }
    return n;
  }

  private memoise(cp: number): number {
    let r: number | undefined = cp;
    for (let t = 0; t < this.simple.length && r !== undefined; t++) r = this.simple[t].transform(r);
    const c = r === undefined ? DROPPED : r;
    if (cp < 0x10000) this.bmp[cp] = c;
    else if (this.astral.size < 10_000) this.astral.set(cp, c);
    return c;
  }
}

const SPECIAL = new Set([...'[.*+?^${}()|[\\]'].map((c) => c.charCodeAt(0)));

/** obscenity 0.4.6's compilePatternToRegExp (pattern/Util.ts, not exported): same source, same 'gs' flags. */
function compilePattern(pattern: ParsedPattern): RegExp {
  const node = (n: ParsedPattern['nodes'][number]): string => {
    switch (n.kind) {
      case SyntaxKind.Literal:
        return n.chars.map((c) => (SPECIAL.has(c) ? '\\' : '') + String.fromCodePoint(c)).join('');
      case SyntaxKind.Optional:
        return `(?:${node(n.childNode)})?`;
      case SyntaxKind.Wildcard:
        return '.';
    }
  };
  return new RegExp(`${pattern.requireWordBoundaryAtStart ? '\\b' : ''}${pattern.nodes.map(node).join('')}${pattern.requireWordBoundaryAtEnd ? '\\b' : ''}`, 'gs');
}
