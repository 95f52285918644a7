import { createHash } from 'node:crypto';
import { tokenize, type TokenizedText } from './text-folding';

export interface Fingerprint {
  /** sha256 (first 128 bits, hex) of the normalised text. */
  value: string;
  /** Length of the normalised text. */
  length: number;
}

/**
 * The normalised text is the folded words (case, accents, look-alikes, leetspeak, repeated
 * letters and punctuation all gone) joined by single spaces: "BUY NOW!!!" and "buy    nowww"
 * are the same text.
 */
export function fingerprintOfWords(fields: readonly TokenizedText[]): Fingerprint {
  const normalised = fields.length === 1 ? fields[0].skeletons.join(' ') : fields.flatMap((f) => f.skeletons).join(' ');
  return { value: createHash('sha256').update(normalised).digest('hex').slice(0, 32), length: normalised.length };
}

/** What the store keeps with every post (RecentPost.fingerprint) for duplicate detection. */
export function contentFingerprint(content: { title?: string | null; body: string }): string {
  const fields = content.title ? [tokenize(content.title), tokenize(content.body)] : [tokenize(content.body)];
  return fingerprintOfWords(fields).value;
}
