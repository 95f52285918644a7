/** What a key does in the review queue. */
export type QueueCommand = 'next' | 'previous' | 'approve' | 'reject' | 'escalate' | 'toggle';

/** The queue's shortcuts, for the legend and the handler alike. */
export const QUEUE_SHORTCUTS: ReadonlyArray<{ key: string; command: QueueCommand; label: string }> = [
  { key: 'j', command: 'next', label: 'next item' },
  { key: 'k', command: 'previous', label: 'previous item' },
  { key: 'a', command: 'approve', label: 'approve' },
  { key: 'r', command: 'reject', label: 'reject (asks the reason)' },
  { key: 'e', command: 'escalate', label: 'escalate to the platform admins' },
  { key: 'x', command: 'toggle', label: 'select for a bulk action' },
];

/** The parts of a key press that decide whether it is a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element that has the focus: typing in a field is never a shortcut. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Checkboxes and radios take keys of their own only for Space.
const NOT_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** The command a key press means in the queue, or null (modifiers, or typing in a field). */
export function queueCommand(press: KeyPress): QueueCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const target = press.target;
  if (target?.isContentEditable) return null;
  if (target?.tagName && TYPING.has(target.tagName.toUpperCase())) {
    if (!(target.tagName.toUpperCase() === 'INPUT' && target.type && NOT_TYPING_INPUTS.has(target.type))) return null;
  }
  return QUEUE_SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.command ?? null;
}

/** The item after (+1) or before (-1) the selected one, staying at the ends; the first when none is. */
export function moveSelection(ids: readonly string[], selected: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = selected === null ? -1 : ids.indexOf(selected);
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
}

/**
 * What to select once items leave the queue: the selected one when it stays, else the next one
 * that stays, else the one before it, else none.
 */
export function selectionAfterRemoval(ids: readonly string[], selected: string | null, removed: readonly string[]): string | null {
  const gone = new Set(removed);
  const index = selected === null ? -1 : ids.indexOf(selected);
  if (index === -1) return ids.find((id) => !gone.has(id)) ?? null;
  if (!gone.has(ids[index])) return ids[index];
  return ids.slice(index + 1).find((id) => !gone.has(id)) ?? [...ids.slice(0, index)].reverse().find((id) => !gone.has(id)) ?? null;
}

/** A Set with one id added or taken out. */
export function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * The text around a piece of evidence, for the moderator to see it in context: up to `around`
 * characters either side, cut at word boundaries where possible.
 */
export function evidenceContext(text: string, start: number, end: number, around = 60): { before: string; match: string; after: string } | null {
  if (start < 0 || end > text.length || start >= end) return null;
  let from = Math.max(0, start - around);
  let to = Math.min(text.length, end + around);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, start)}`,
    match: text.slice(start, end),
    after: `${text.slice(end, to)}${to < text.length ? '…' : ''}`,
  };
}
