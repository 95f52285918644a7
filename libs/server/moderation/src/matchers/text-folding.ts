import { resolveConfusablesTransformer, resolveLeetSpeakTransformer } from 'obscenity';

// Folding turns what people type into comparable words: case- and accent-insensitive,
// Unicode look-alikes resolved (obscenity's confusables table), leetspeak resolved
// (obscenity's table: 4→a, 3→e, 1→i, 0→o, 5→s, 7→t, @→a, $→s, !→i…). Terms in a policy and
// the text of a post are folded the same way, then compared word by word.

const SEPARATOR = 0;
/** Letters and digits: part of a word. Digits are folded through the leetspeak table. */
const LETTER = 1;
/** Symbols the leetspeak table maps to letters (@ $ ! | ( /): a separator in plain words, a letter in variants. */
const SOFT = 2;
/** Combining marks, zero-width characters, soft hyphens: skipped, the word continues. */
const IGNORABLE = 3;

interface Folded {
  cls: number;
  /** The folded letters (LETTER) or the leetspeak letter (SOFT). */
  text: string;
}

const IGNORABLE_CODE_POINTS = new Set([0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
const LETTERS_OR_DIGITS = /^[\p{L}\p{N}]+$/u;
const MARKS = /\p{M}/gu;

const confusables = resolveConfusablesTransformer();
const leet = resolveLeetSpeakTransformer();

function leetOf(cp: number): string | null {
  const mapped = leet.transform(cp);
  return mapped !== undefined && mapped !== cp ? String.fromCodePoint(mapped) : null;
}

const ASCII: Folded[] = [];
for (let cp = 0; cp < 128; cp++) {
  const ch = String.fromCharCode(cp);
  if (/[a-z]/u.test(ch)) ASCII.push({ cls: LETTER, text: ch });
  else if (/[A-Z]/u.test(ch)) ASCII.push({ cls: LETTER, text: ch.toLowerCase() });
  else if (/[0-9]/u.test(ch)) ASCII.push({ cls: LETTER, text: leetOf(cp) ?? ch });
  else {
    const letter = leetOf(cp);
    ASCII.push(letter ? { cls: SOFT, text: letter } : { cls: SEPARATOR, text: '' });
  }
}

const NON_ASCII = new Map<number, Folded>();
const SEPARATOR_FOLD: Folded = { cls: SEPARATOR, text: '' };
const IGNORABLE_FOLD: Folded = { cls: IGNORABLE, text: '' };

function foldNonAscii(cp: number): Folded {
  let folded = NON_ASCII.get(cp);
  if (folded) return folded;
  if (IGNORABLE_CODE_POINTS.has(cp)) folded = IGNORABLE_FOLD;
  else {
    const original = String.fromCodePoint(cp);
    const resolved = String.fromCodePoint(confusables.transform(cp) ?? cp);
    const text = resolved.normalize('NFKD').replace(MARKS, '').toLowerCase();
    if (text.length === 0) folded = /^\p{M}$/u.test(original) ? IGNORABLE_FOLD : SEPARATOR_FOLD;
    else if (LETTERS_OR_DIGITS.test(text)) {
      // Full-width and other digits fold to ASCII digits by NFKD; resolve them like ASCII ones.
      let out = '';
      for (const ch of text) out += ch.charCodeAt(0) < 128 ? ASCII[ch.charCodeAt(0)].text || ch : ch;
      folded = { cls: LETTER, text: out };
    } else if (text.length === 1 && text.charCodeAt(0) < 128 && ASCII[text.charCodeAt(0)].cls === SOFT) folded = ASCII[text.charCodeAt(0)];
    else folded = SEPARATOR_FOLD;
  }
  // Bounded: a text can only bring so many distinct code points, and most texts few.
  if (NON_ASCII.size < 50_000) NON_ASCII.set(cp, folded);
  return folded;
}

/** A folded word and where it is in the text (UTF-16 offsets, end exclusive). */
export interface Token {
  key: string;
  start: number;
  end: number;
}

export interface TokenizedText {
  /** The words, symbols treated as separators: "sh!t" gives "sh", "t"; "acme!" gives "acme". */
  words: Token[];
  /** Words written with leetspeak symbols, symbols read as letters: "sh!t" → "shit", "$hit" → "shit" (also trimmed of leading/trailing symbols). */
  variants: Token[];
  /** Runs of three or more single letters ("s h i t", "a.c.m.e"): the letters, in order. */
  spacedRuns: Token[][];
  /** skeleton() of each word, in order. */
  skeletons: string[];
}

/** Splits text into folded words. Linear in the text's length. */
export function tokenize(text: string): TokenizedText {
  const words: Token[] = [];
  const skeletons: string[] = [];
  const variants: Token[] = [];

  // The current word. While it is plain ASCII letters its key is one slice of the text,
  // lower-cased (a flat string, cheap to hash); folded characters are only concatenated once
  // something else (a digit, an accent, a look-alike) turns up.
  let inWord = false;
  let plain = true;
  // Whether a plain word repeats a letter ("google"): only then does its skeleton differ from it.
  let repeats = false;
  let previous = -1;
  let word = '';
  let wordStart = -1;
  let wordEnd = -1;
  // The raw word: letters, symbols and ignorables together ("$h!t"). Its text is only built
  // once it has a symbol; until then it is the current word.
  let rawLength = 0;
  let raw = '';
  let rawStart = -1;
  let rawEnd = -1;
  let rawSoft = false;
  let leadingSoft = 0;
  let leadingSoftEnd = -1;
  let trailingSoft = 0;
  let lastLetterEnd = -1;

  const wordKey = () => (plain ? text.slice(wordStart, wordEnd).toLowerCase() : word);
  const endWord = () => {
    if (inWord) {
      const key = wordKey();
      words.push({ key, start: wordStart, end: wordEnd });
      skeletons.push(plain && !repeats ? key : skeleton(key));
    }
    inWord = false;
    plain = true;
    repeats = false;
    previous = -1;
    word = '';
  };
  const endRaw = () => {
    if (rawSoft && rawLength > leadingSoft + trailingSoft) {
      const first = variants.length;
      const add = (key: string, start: number, end: number) => {
        for (let v = first; v < variants.length; v++) if (variants[v].key === key) return;
        variants.push({ key, start, end });
      };
      add(raw, rawStart, rawEnd);
      if (trailingSoft > 0) add(raw.slice(0, raw.length - trailingSoft), rawStart, lastLetterEnd);
      if (leadingSoft > 0) add(raw.slice(leadingSoft), leadingSoftEnd, rawEnd);
      if (leadingSoft > 0 && trailingSoft > 0) add(raw.slice(leadingSoft, raw.length - trailingSoft), leadingSoftEnd, lastLetterEnd);
    }
    rawLength = 0;
    raw = '';
    rawSoft = false;
    leadingSoft = 0;
    trailingSoft = 0;
  };

  for (let i = 0; i < text.length; ) {
    const cp = text.charCodeAt(i) < 0xd800 ? text.charCodeAt(i) : (text.codePointAt(i) as number);
    const next = i + (cp > 0xffff ? 2 : 1);
    const folded = cp < 128 ? ASCII[cp] : foldNonAscii(cp);
    switch (folded.cls) {
      case LETTER:
        if (!inWord) {
          inWord = true;
          wordStart = i;
        }
        if (plain && !((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90))) {
          plain = false;
          word = text.slice(wordStart, i).toLowerCase();
        }
        if (!plain) word += folded.text;
        else {
          if ((cp | 0x20) === previous) repeats = true;
          previous = cp | 0x20;
        }
        wordEnd = next;
        if (rawLength === 0) rawStart = i;
        if (rawSoft) raw += folded.text;
        rawLength += folded.text.length;
        rawEnd = next;
        lastLetterEnd = next;
        trailingSoft = 0;
        break;
      case SOFT:
        if (!rawSoft) {
          raw = inWord ? wordKey() : '';
          rawSoft = true;
        }
        endWord();
        if (rawLength === 0) rawStart = i;
        if (rawLength === leadingSoft) {
          leadingSoft++;
          leadingSoftEnd = next;
        }
        raw += folded.text;
        rawLength++;
        rawEnd = next;
        trailingSoft++;
        break;
      case IGNORABLE:
        if (inWord) {
          if (plain) {
            plain = false;
            word = text.slice(wordStart, wordEnd).toLowerCase();
          }
          wordEnd = next;
        }
        if (rawLength > 0) rawEnd = next;
        break;
      default:
        endWord();
        endRaw();
    }
    i = next;
  }
  endWord();
  endRaw();

  return { words, skeletons, variants, spacedRuns: spacedRuns(words) };
}

/** Longest gap between the letters of a spaced-out word ("s h i t", "s - h - i - t"). */
const MAX_SPACED_GAP = 3;

function spacedRuns(words: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 3) runs.push(run);
    run = [];
  };
  for (const w of words) {
    const single = w.key.length === 1 && w.end - w.start <= 2;
    if (!single) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous && w.start - previous.end > MAX_SPACED_GAP) flush();
    run.push(w);
  }
  flush();
  return runs;
}

/** The folded words of a term as listed in a policy ("Acme-Tools" → ["acme", "tools"]). */
export function foldTerm(term: string): string[] {
  return tokenize(term).words.map((w) => w.key);
}

/** Collapses repeated letters: "shiiiit" → "shit", "google" → "gogle". */
export function skeleton(key: string): string {
  let repeats = false;
  for (let i = 1; i < key.length && !repeats; i++) repeats = key.charCodeAt(i) === key.charCodeAt(i - 1);
  if (!repeats) return key;
  let out = '';
  let last = '';
  for (const ch of key) {
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/**
 * Whether a written word is the term with letters repeated: every run of a letter in the
 * text is at least as long as in the term ("acmmme" is "acme"; "as" is not "ass").
 * Both have the same skeleton already.
 */
export function stretches(term: string, written: string): boolean {
  let i = 0;
  let j = 0;
  while (i < term.length && j < written.length) {
    const ch = term[i];
    if (written[j] !== ch) return false;
    let termRun = 0;
    while (term[i] === ch) {
      i++;
      termRun++;
    }
    let writtenRun = 0;
    while (written[j] === ch) {
      j++;
      writtenRun++;
    }
    if (writtenRun < termRun) return false;
  }
  return i === term.length && j === written.length;
}
