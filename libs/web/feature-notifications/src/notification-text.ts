/**
 * What the top bar says, politely, when the unread count changes: only that more arrived, and
 * nothing for the first count or for fewer (the reader read them).
 */
export function unreadAnnouncement(previous: number | null, next: number): string | null {
  if (previous === null || next <= previous) return null;
  return next === 1 ? '1 unread notification' : `${next} unread notifications`;
}

/** The bell's name, with its count: "Notifications, 3 unread". */
export const bellLabel = (unread: number): string => (unread > 0 ? `Notifications, ${unread} unread` : 'Notifications');

/** The bell's badge: up to 99, then "99+". */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday": how long ago, in the reader's language. */
export function relativeTime(iso: string, now: number = Date.now(), locale?: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
