/** Length in Unicode code points (what people call characters), without allocating. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export interface CaseCount {
  upper: number;
  /** Letters that have case (upper + lower); scripts without case are not counted. */
  letters: number;
}

/** Counts cased letters outside `code` (inline spans and fenced blocks: constants there are not shouting). */
export function countCase(text: string, into: CaseCount = { upper: 0, letters: 0 }): CaseCount {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 96) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (c >= 65 && c <= 90) {
      into.upper++;
      into.letters++;
    } else if (c >= 97 && c <= 122) into.letters++;
    else if (c >= 128) {
      const ch = text[i];
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (lower !== upper) {
        into.letters++;
        if (ch === upper && ch !== lower) into.upper++;
      }
    }
  }
  return into;
}
