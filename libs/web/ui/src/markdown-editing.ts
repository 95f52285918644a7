import { normalizeTag } from '@commons/shared-contracts';

/**
 * The text work of the Markdown editor, as plain functions of the text and its selection:
 * finding the @mention or #tag being typed at the caret, inserting a pick, wrapping the
 * selection for a shortcut and turning a pasted URL into a link. Each returns a `TextEdit`
 * the editor applies to the textarea (so the browser's undo history keeps it).
 */

/** A text and its selection (`start === end` is a caret). */
export interface TextState {
  value: string;
  start: number;
  end: number;
}

/** Replace `[from, to)` with `insert`, then select `[selectionStart, selectionEnd)` of the new text. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  selectionStart: number;
  selectionEnd: number;
}

export type TriggerKind = 'mention' | 'tag';

/** An @mention or #tag being typed: `[from, to)` covers the marker and the word, `query` is what precedes the caret. */
export interface Trigger {
  kind: TriggerKind;
  query: string;
  from: number;
  to: number;
}

/** The longest query looked up, in characters. */
export const TRIGGER_MAX_LENGTH = 40;

// What may come right before a marker: the start of a line, a space, an opening bracket or quote, emphasis.
const BEFORE = String.raw`(?:^|(?<=[\s([{"'“‘«>*_~]))`;
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’_-]*`;
// A name may hold one space ("@Grace Ho"), a tag none.
const MENTION_AT_CARET = new RegExp(`${BEFORE}@(${WORD}(?: ${WORD})?)$`, 'u');
const TAG_AT_CARET = new RegExp(String.raw`${BEFORE}#([\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*)$`, 'u');
const WORD_REST = /^[\p{L}\p{M}\p{N}.'’_-]*/u;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/u;

/** Whether `index` is inside a fenced code block or an inline code span (no suggestions there). */
export function inCode(value: string, index: number): boolean {
  const lineStart = value.lastIndexOf('\n', index - 1) + 1;
  let fence: string | null = null;
  for (const line of value.slice(0, lineStart).split('\n')) {
    const open = FENCE.exec(line);
    if (!open) continue;
    if (fence === null) fence = open[1][0];
    else if (open[1][0] === fence) fence = null;
  }
  if (fence !== null) return true;
  const before = value.slice(lineStart, index);
  return ((before.match(/`/gu) ?? []).length & 1) === 1;
}

/**
 * The @mention or #tag being typed at the caret, if any: a marker at the start of a word
 * followed by at least one letter or digit, outside code. An e-mail address (`ada@example`),
 * a heading (`# Title`) or a link's anchor (`/page#part`) is none.
 */
export function findTrigger(value: string, caret: number, kinds: readonly TriggerKind[] = ['mention', 'tag']): Trigger | null {
  const line = value.slice(value.lastIndexOf('\n', caret - 1) + 1, caret);
  for (const kind of kinds) {
    const match = (kind === 'mention' ? MENTION_AT_CARET : TAG_AT_CARET).exec(line);
    if (!match || match[1].length > TRIGGER_MAX_LENGTH) continue;
    const from = caret - match[1].length - 1;
    if (inCode(value, from)) continue;
    const rest = (WORD_REST.exec(value.slice(caret)) as RegExpExecArray)[0];
    return { kind, query: match[1], from, to: caret + rest.length };
  }
  return null;
}

/** What the server reads as a mention of a person: `@[Ada Lovelace](mention:<id>)`. */
export function mentionMarkdown(name: string, accountId: string): string {
  const label = name.replace(/[[\]\r\n]+/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 80) || 'someone';
  return `@[${label}](mention:${accountId})`;
}

/** A tag as written in text: `#` and the tag as the server keeps it. */
export function tagMarkdown(tag: string): string {
  return `#${normalizeTag(tag)}`;
}

/** Replaces the trigger with the pick and a space, the caret after it (after the space already there, if one is). */
export function insertPick(value: string, trigger: Trigger, text: string): TextEdit {
  const spaceFollows = /^[ \t]/u.test(value.slice(trigger.to));
  const insert = spaceFollows ? text : `${text} `;
  const caret = trigger.from + text.length + 1;
  return { from: trigger.from, to: trigger.to, insert, selectionStart: caret, selectionEnd: caret };
}

function run(value: string, index: number, step: 1 | -1, char: string): number {
  let count = 0;
  for (let i = step === 1 ? index : index - 1; i >= 0 && i < value.length && value[i] === char; i += step) count++;
  return count;
}

/** Whether runs of `*` of these lengths on both sides make the text bold (`**`) or italic (`*`). */
function wrappedBy(marker: '**' | '*', left: number, right: number): boolean {
  const both = Math.min(left, right);
  return marker === '**' ? both >= 2 : both === 1 || both === 3;
}

/**
 * Ctrl+B / Ctrl+I: wraps the selection in `**` or `*`, or unwraps it when it already is
 * (markers inside or just outside the selection). Spaces at the selection's ends stay outside
 * the markers. With no selection, inserts the pair with the caret between.
 */
export function toggleEmphasis({ value, start, end }: TextState, marker: '**' | '*'): TextEdit {
  const size = marker.length;
  const selected = value.slice(start, end);
  // Markers inside the selection: "**bold**" selected.
  if (selected.length >= 2 * size + 1 && wrappedBy(marker, run(selected, 0, 1, '*'), run(selected, selected.length, -1, '*'))) {
    const inner = selected.slice(size, selected.length - size);
    return { from: start, to: end, insert: inner, selectionStart: start, selectionEnd: start + inner.length };
  }
  // Markers just outside: "**|bold|**".
  if (wrappedBy(marker, run(value, start, -1, '*'), run(value, end, 1, '*'))) {
    return { from: start - size, to: end + size, insert: selected, selectionStart: start - size, selectionEnd: end - size };
  }
  const lead = /^\s*/u.exec(selected)?.[0].length ?? 0;
  const trail = selected.trim() === '' ? 0 : (/\s*$/u.exec(selected)?.[0].length ?? 0);
  const core = selected.slice(lead, selected.length - trail);
  if (core === '') {
    const caret = end + size;
    return { from: end, to: end, insert: `${marker}${marker}`, selectionStart: caret, selectionEnd: caret };
  }
  const from = start + lead;
  return { from, to: from + core.length, insert: `${marker}${core}${marker}`, selectionStart: from + size, selectionEnd: from + size + core.length };
}

const URL_ONLY = /^(?:https?:\/\/|mailto:)[^\s<>"`]+$/iu;

/** Whether the text is a single web or mail address (what makes a pasted text a link target). */
export function isUrl(text: string): boolean {
  return URL_ONLY.test(text.trim());
}

/** A link target Markdown keeps whole: parentheses escaped so they cannot end it. */
function linkTarget(url: string): string {
  return url.trim().replace(/\(/gu, '%28').replace(/\)/gu, '%29');
}

/**
 * Ctrl+K: `[selection](url)` with `url` selected to type over. A selected address becomes the
 * target instead, with the caret in the (empty) text; no selection leaves the caret there too.
 */
export function insertLink({ value, start, end }: TextState): TextEdit {
  const selected = value.slice(start, end);
  if (selected !== '' && isUrl(selected)) {
    const insert = `[](${linkTarget(selected)})`;
    return { from: start, to: end, insert, selectionStart: start + 1, selectionEnd: start + 1 };
  }
  const insert = `[${selected}](url)`;
  const urlAt = start + selected.length + 3;
  return selected === ''
    ? { from: start, to: end, insert, selectionStart: start + 1, selectionEnd: start + 1 }
    : { from: start, to: end, insert, selectionStart: urlAt, selectionEnd: urlAt + 3 };
}

/**
 * Pasting an address over selected text makes a link of it: `[selection](pasted)`, the caret
 * after. Null (paste as usual) when nothing is selected, the selection spans lines or is itself
 * an address, or the pasted text is not a single address.
 */
export function pasteAsLink({ value, start, end }: TextState, pasted: string): TextEdit | null {
  const selected = value.slice(start, end);
  if (selected.trim() === '' || /\n/u.test(selected) || isUrl(selected) || !isUrl(pasted)) return null;
  const insert = `[${selected}](${linkTarget(pasted)})`;
  return { from: start, to: end, insert, selectionStart: start + insert.length, selectionEnd: start + insert.length };
}

/** The text after an edit (what the textarea holds once the editor applied it). */
export function applyEdit(value: string, edit: TextEdit): string {
  return value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
}

// A list item's line: indent, bullet (-, *, +) or number (1. or 1)), an optional task box, then its text.
const LIST_ITEM = /^(\s*)(?:([-*+])|(\d{1,9})([.)]))(\s+)(\[[ xX]\]\s+)?/u;

/**
 * Enter inside a list item: the next line starts a new item of the same list (the next number,
 * an unticked box for a task list), carrying the text after the caret. Enter on an item with
 * nothing in it ends the list instead, leaving an empty line. Null when the caret's line is no
 * list item, the selection is not a caret, or the caret is in code: Enter stays a plain newline.
 */
export function continueList({ value, start, end }: TextState): TextEdit | null {
  if (start !== end) return null;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = value.indexOf('\n', start) === -1 ? value.length : value.indexOf('\n', start);
  const line = value.slice(lineStart, lineEnd);
  const item = LIST_ITEM.exec(line);
  if (!item || start < lineStart + item[0].length || inCode(value, lineStart)) return null;
  const [marker, indent, bullet, number, delimiter, gap, box] = item;
  if (line.slice(marker.length).trim() === '' && start === lineEnd) {
    // An empty item: the list ends here.
    return { from: lineStart, to: lineEnd, insert: '', selectionStart: lineStart, selectionEnd: lineStart };
  }
  const next = bullet ?? `${Number(number) + 1}${delimiter}`;
  const insert = `\n${indent}${next}${gap}${box ? '[ ] ' : ''}`;
  const caret = start + insert.length;
  return { from: start, to: start, insert, selectionStart: caret, selectionEnd: caret };
}
