import { badgeText, bellLabel, relativeTime, unreadAnnouncement } from './notification-text';

describe('unreadAnnouncement', () => {
  it('tells only of more unread notifications, not of the first count or of fewer', () => {
    expect(unreadAnnouncement(null, 3)).toBeNull();
    expect(unreadAnnouncement(0, 1)).toBe('1 unread notification');
    expect(unreadAnnouncement(1, 4)).toBe('4 unread notifications');
    expect(unreadAnnouncement(4, 4)).toBeNull();
    expect(unreadAnnouncement(4, 0)).toBeNull();
  });
});

describe('the bell', () => {
  it('says its count in its name, and caps its badge', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(2)).toBe('Notifications, 2 unread');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-03T12:00:00.000Z');
  it('says how long ago', () => {
    expect(relativeTime('2026-03-03T11:59:30.000Z', now, 'en')).toBe('just now');
    expect(relativeTime('2026-03-03T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-03-03T09:00:00.000Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-03-02T12:00:00.000Z', now, 'en')).toBe('yesterday');
  });
});
