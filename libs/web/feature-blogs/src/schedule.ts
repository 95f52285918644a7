/**
 * The `datetime-local` input speaks the reader's local time ("2026-03-03T14:05"); the server
 * speaks instants. These turn one into the other and check a schedule lies ahead.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` value in the reader's time zone. */
export function toLocalInput(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A `datetime-local` value as a moment; null when it is not one. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/u.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const at = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // 31 February and the like roll over: refuse them.
  return at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d && at.getHours() === h ? at : null;
}

/** The moment a schedule asks for, or why it cannot be used. */
export function checkSchedule(value: string, now: Date = new Date()): { at: Date } | { error: string } {
  if (!value.trim()) return { error: 'Choose a date and time.' };
  const at = fromLocalInput(value);
  if (!at) return { error: 'Enter a date and time.' };
  if (at.getTime() <= now.getTime()) return { error: 'Choose a time in the future.' };
  return { at };
}

/** A suggested schedule: the next full hour at least an hour ahead. */
export function suggestedSchedule(now: Date = new Date()): string {
  const at = new Date(now.getTime() + 60 * 60_000);
  at.setMinutes(0, 0, 0);
  if (at.getTime() <= now.getTime() + 30 * 60_000) at.setHours(at.getHours() + 1);
  return toLocalInput(at);
}
