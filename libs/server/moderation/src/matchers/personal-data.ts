import type { PersonalDataType } from '../policy/policy.types';

// Hand-written scanners rather than regular expressions: the usual e-mail expression
// backtracks quadratically on a long run of letters, and these run on every write. Each
// character is looked at a bounded number of times.

export interface PersonalDataHit {
  type: PersonalDataType;
  start: number;
  end: number;
  /** Masked: "j***@example.com", "phone ending 89", "card ending 4242". */
  masked: string;
  /** E-mail domain, lower case (for allowed domains); '' otherwise. */
  domain: string;
  /** Digits counted (phones, cards); 0 for e-mails. */
  digits: number;
}

/** Luhn (mod 10) check of a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// local part: letters, digits and . _ % + -
const isLocal = (c: number) => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomain = (c: number) => isAlnum(c) || c === 46 || c === 45;

export function findEmails(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  let from = 0;
  for (let at = text.indexOf('@', from); at !== -1; at = text.indexOf('@', from)) {
    from = at + 1;
    let start = at;
    while (start > 0 && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isDomain(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    if (start === at || end === at + 1) continue;
    const domain = text.slice(at + 1, end).toLowerCase();
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((l) => l.length === 0) || !/^[a-z]{2,24}$/u.test(labels[labels.length - 1])) continue;
    hits.push({ type: 'EMAIL', start, end, masked: `${text[start]}***@${domain}`, domain, digits: 0 });
    from = end;
  }
  return hits;
}

/** Separators allowed between the digits of one number: space, hyphen, dot, parentheses, slash. */
const isNumberSeparator = (c: number) => c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 0xa0;

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
}

interface NumberCandidate {
  groups: DigitGroup[];
  /** A '+' or '(' right before the first digit. */
  prefixed: boolean;
  start: number;
  end: number;
  separators: string;
}

/** Runs of digits joined by single separators ("+44 20 7946-0958", "4111 1111 1111 1111"). */
function numberCandidates(text: string, standalone = true): NumberCandidate[] {
  const candidates: NumberCandidate[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) || (standalone && i > 0 && isAlnum(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const previous = i > 0 ? text.charCodeAt(i - 1) : 0;
    const prefixed = previous === 43 || previous === 40;
    const start = prefixed ? i - 1 : i;
    const groups: DigitGroup[] = [];
    let separators = '';
    let end = i;
    for (;;) {
      const groupStart = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      groups.push({ digits: text.slice(groupStart, i), start: groupStart, end: i });
      end = i;
      // One separator (or ") " / " (" as in "(020) 7946") between digit groups.
      let j = i;
      let sep = '';
      while (j < text.length && j - i < 2 && isNumberSeparator(text.charCodeAt(j))) sep += text[j++];
      if (sep.length === 0 || j >= text.length || !isDigit(text.charCodeAt(j)) || groups.length >= 12) break;
      separators += sep;
      i = j;
    }
    // A number glued to letters ("abc123", "123abc") is an identifier, not a phone or card.
    if (standalone && end < text.length && /[\p{L}]/u.test(text[end])) {
      i = end;
      continue;
    }
    candidates.push({ groups, prefixed, start, end, separators });
    i = end;
  }
  return candidates;
}

function cardIn(candidate: NumberCandidate): PersonalDataHit | null {
  // Cards are grouped by spaces or hyphens, or not at all.
  if (/[^ \-\u00a0]/u.test(candidate.separators)) return null;
  const { groups } = candidate;
  for (let a = 0; a < groups.length; a++) {
    let digits = '';
    for (let b = a; b < groups.length; b++) {
      digits += groups[b].digits;
      if (digits.length > 19) break;
      if (digits.length >= 13 && passesLuhn(digits)) {
        return { type: 'PAYMENT_CARD', start: groups[a].start, end: groups[b].end, masked: `card ending ${digits.slice(-4)}`, domain: '', digits: digits.length };
      }
    }
  }
  return null;
}

function phoneIn(candidate: NumberCandidate, minDigits: number): PersonalDataHit | null {
  const digits = candidate.groups.map((g) => g.digits).join('');
  if (digits.length < minDigits || digits.length > 15) return null;
  const { groups, separators } = candidate;
  // Dotted quads are addresses, not phones.
  if (groups.length === 4 && /^\.+$/u.test(separators) && groups.every((g) => g.digits.length <= 3)) return null;
  // A plain run of digits is a phone only with a '+'/'(' or a national leading 0 (else: ids, amounts).
  if (groups.length === 1 && !candidate.prefixed && !digits.startsWith('0')) return null;
  return { type: 'PHONE', start: candidate.start, end: candidate.end, masked: `phone ending ${digits.slice(-2)}`, domain: '', digits: digits.length };
}

export interface PersonalDataScan {
  emails: PersonalDataHit[];
  cards: PersonalDataHit[];
  /** Phones found with the given minimum digits; recomputed per minimum. */
  phones: (minDigits: number) => PersonalDataHit[];
}

/** Finds e-mail addresses, card numbers and phone numbers; a number that is a card is not also a phone. */
export function scanPersonalData(text: string): PersonalDataScan {
  const emails = findEmails(text);
  const candidates = numberCandidates(text);
  const cards: PersonalDataHit[] = [];
  const rest: NumberCandidate[] = [];
  for (const candidate of candidates) {
    const card = cardIn(candidate);
    if (card) cards.push(card);
    else rest.push(candidate);
  }
  const inEmail = (c: NumberCandidate) => emails.some((e) => c.start < e.end && e.start < c.end);
  const phones = new Map<number, PersonalDataHit[]>();
  return {
    emails,
    cards,
    phones: (minDigits) => {
      let found = phones.get(minDigits);
      if (!found) {
        found = [];
        for (const candidate of rest) {
          const phone = inEmail(candidate) ? null : phoneIn(candidate, minDigits);
          if (phone) found.push(phone);
        }
        phones.set(minDigits, found);
      }
      return found;
    },
  };
}

/**
 * Replaces every card number (13–19 digits passing Luhn) in a piece of evidence by its mask:
 * whatever rule quoted the text, a full card number never reaches a decision.
 */
export function redactCardNumbers(text: string): string {
  let digitCount = 0;
  for (let i = 0; i < text.length && digitCount < 13; i++) if (isDigit(text.charCodeAt(i))) digitCount++;
  if (digitCount < 13) return text;
  let out = text;
  // Digits glued to letters count here too ("id4111…"). A card the scanner would find, or a run of digits too long to tell (a card with digits glued on).
  for (const candidate of numberCandidates(text, false).reverse()) {
    const card = cardIn({ ...candidate, separators: '' });
    const replacement = card ? `[${card.masked}]` : candidate.groups.some((g) => g.digits.length > 19) ? '[long number]' : null;
    if (replacement) out = `${out.slice(0, candidate.start)}${replacement}${out.slice(candidate.end)}`;
  }
  return out;
}
