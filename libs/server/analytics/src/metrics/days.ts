import { ValidationError } from '@commons/server-core';

/** Calendar days as analytics speaks of them: YYYY-MM-DD, in the organisation's time zone. */
export const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/u;

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not: Date.parse would roll it into March). */
export function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** The calendar day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The day an instant falls on in a time zone. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A month given as YYYY-MM: its first and last days, or BAD_USER_INPUT on `field`. */
export function monthRange(month: string, field = 'month'): { month: string; from: string; to: string } {
  const match = MONTH.exec(month);
  if (!match) throw ValidationError.field(field, 'Enter a month as YYYY-MM, e.g. 2026-03.');
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const from = new Date(Date.UTC(year, index, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, index + 1, 0)).toISOString().slice(0, 10);
  return { month, from, to };
}
