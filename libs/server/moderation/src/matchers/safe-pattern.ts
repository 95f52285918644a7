import { Script, createContext } from 'node:vm';
import safeRegex from 'safe-regex2';

// Regular expressions from a policy run on every write, inside the write's transaction, in
// V8's backtracking engine (RE2 would give linear time but needs Node 22 here). A pattern is
// therefore admitted only when:
//   1. it compiles (flags i, m, s, u; 'g' is ours);
//   2. it has no backreferences (\1, \k<name>): no engine bounds those;
//   3. safe-regex2 finds no nested quantifiers (star height ≤ 1) and at most 25 repetitions;
//   4. it stays fast on adversarial probes — runs of each character it mentions and of common
//      ones, alone, paired and followed by a character that makes the match fail — each probe
//      run in a vm context with a timeout (V8 interrupts a backtracking regex), at compile time
//      only (and skippable for versions probed when saved). This catches what star height
//      misses, e.g. overlapping alternation "(a|a)*b". A probe counts as slow only when it
//      times out on each of several tries (a busy machine can delay one).
// At evaluation every pattern sees at most WINDOW characters at a time (windows overlap by
// OVERLAP, so matches up to that long are not lost at a boundary). A pattern that passed the
// probes costs what its worst probe cost per window (a quadratic one ~1.5 ms on text crafted
// against it, a linear one microseconds), and its cost grows linearly with the text, never
// with a power of it.

export const WINDOW = 1_000;
export const OVERLAP = 200;
/**
 * How long a probe (one window of adversarial text) may take, try after try. A linear pattern
 * takes well under 0.1 ms and a quadratic one like "[a-z]+@[a-z]+\\.com" about 1.5 ms on 1,000
 * letters; cubic and exponential ones take seconds to forever. The timeout is wall-clock time,
 * and on a busy machine a try may wait for a core instead of running, so a pattern is slow only
 * when it also overruns the later, longer tries, which still sit far below what a cubic takes.
 */
const PROBE_TIMEOUTS_MS = [25, 60, 200];
const FLAGS = /^(?!.*(.).*\1)[imsu]*$/u;

export interface PatternProblem {
  property: 'flags' | 'pattern';
  message: string;
}

/**
 * Checks a pattern; returns the compiled global RegExp or what is wrong with it. `probe: false`
 * skips step 4, for patterns already probed when their policy version was saved.
 */
export function compileSafePattern(source: string, flags = '', probe = true): RegExp | PatternProblem {
  if (!FLAGS.test(flags)) return { property: 'flags', message: `flags "${flags}" are not allowed: use any of i, m, s and u, once each.` };
  let regex: RegExp;
  try {
    regex = new RegExp(source, `${flags}g`);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: /u, '') : String(error);
    return { property: 'pattern', message: `the pattern is not a valid regular expression (${detail}).` };
  }
  const scan = scanSource(source);
  if (scan.backreference) return { property: 'pattern', message: 'the pattern uses a backreference, which can take exponential time; rewrite it without \\1 or \\k<name>.' };
  if (!safeRegex(scan.forAnalysis)) {
    return { property: 'pattern', message: 'the pattern nests quantifiers (like "(a+)+") or repeats too much, and could take exponential time (catastrophic backtracking).' };
  }
  const once = new RegExp(source, flags);
  if (once.test('')) return { property: 'pattern', message: 'the pattern matches empty text, so it would match every post.' };
  const slow = probe ? slowProbe(once, source) : null;
  if (slow !== null) {
    return { property: 'pattern', message: `the pattern takes too long on text like "${slow}" (catastrophic backtracking); make its repetitions unambiguous.` };
  }
  return regex;
}

interface SourceScan {
  backreference: boolean;
  /** The source with lookbehinds read as plain groups: safe-regex2's parser does not know them, their structure is the same. */
  forAnalysis: string;
  /** Literal letters and digits the pattern mentions, for probes. */
  literals: string[];
}

function scanSource(source: string): SourceScan {
  let backreference = false;
  let forAnalysis = '';
  const literals = new Set<string>();
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/u.test(next) || next === 'k')) backreference = true;
      forAnalysis += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      else if (/[\p{L}\p{N}]/u.test(ch)) literals.add(ch);
      forAnalysis += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === '(' && (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))) {
      forAnalysis += '(?:';
      i += 3;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(ch)) literals.add(ch);
    forAnalysis += ch;
  }
  return { backreference, forAnalysis, literals: [...literals] };
}

const COMMON = ['a', 'A', '0', ' ', '\n', '.', '-', '_', '@', '/', 'é', '\t', ','];
const probeScript = new Script('regex.test(input)');

/** Runs adversarial probes; returns a short excerpt of the first that times out, or null. */
function slowProbe(regex: RegExp, source: string): string | null {
  const chars = [...new Set([...scanSource(source).literals.slice(0, 12), ...COMMON])];
  const paired = chars.slice(0, 8);
  const probes: string[] = [];
  for (const c of chars) probes.push(c.repeat(WINDOW - 1) + '\u0001', c.repeat(WINDOW));
  for (const a of paired) for (const b of paired) if (a !== b) probes.push((a + b).repeat(WINDOW / 2 - 1) + '\u0001');
  const context = createContext({ regex, input: '' });
  for (const input of probes) {
    context['input'] = input;
    let timeouts = 0;
    for (const timeout of PROBE_TIMEOUTS_MS) {
      try {
        probeScript.runInContext(context, { timeout });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
        timeouts++;
      }
    }
    if (timeouts === PROBE_TIMEOUTS_MS.length) return JSON.stringify(input.slice(0, 12)).slice(1, -1) + '…';
  }
  return null;
}

export interface PatternHit {
  start: number;
  end: number;
  text: string;
}

/** All non-empty matches of a compiled pattern, window by window; at most `limit`. */
export function findPatternMatches(regex: RegExp, text: string, limit: number): PatternHit[] {
  const hits: PatternHit[] = [];
  const step = WINDOW - OVERLAP;
  for (let offset = 0; ; offset += step) {
    const last = offset + WINDOW >= text.length;
    const window = offset === 0 && last ? text : text.slice(offset, offset + WINDOW);
    // Each window owns the matches that start before the next window does; those are whole
    // when no longer than OVERLAP.
    const owned = last ? Number.POSITIVE_INFINITY : offset + step;
    regex.lastIndex = 0;
    for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = offset + m.index;
      if (start >= owned) break;
      hits.push({ start, end: start + m[0].length, text: m[0] });
      if (hits.length >= limit) return hits;
    }
    if (last) return hits;
  }
}
