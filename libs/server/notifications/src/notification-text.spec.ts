import { renderDigest } from './digest/digest-email';
import { EmailDigest, NotificationKind, NotificationTargetKind } from './notification-kinds';
import { actorsPhrase, summaryOf } from './notification-text';

describe('what a notification says', () => {
  it('names the first people and counts the others', () => {
    expect(actorsPhrase(['Ana'], 1)).toBe('Ana');
    expect(actorsPhrase(['Ana', 'Bo'], 2)).toBe('Ana and Bo');
    expect(actorsPhrase(['Ana', 'Bo', 'Cy'], 5)).toBe('Ana and 4 others');
    expect(actorsPhrase([], 0)).toBe('Someone');
  });

  it('says every kind in a sentence, without a title when none may be shown', () => {
    const target = { kind: NotificationTargetKind.REPLY, title: 'Spring plans', communityName: 'Guild', message: null };
    for (const kind of Object.values(NotificationKind)) expect(summaryOf({ kind, actorNames: ['Ana'], actorCount: 1, target }).length).toBeGreaterThan(10);
    expect(summaryOf({ kind: NotificationKind.REACTION, actorNames: ['Ana', 'Bo'], actorCount: 4, target })).toBe('Ana and 3 others reacted to your reply in “Spring plans”');
    expect(summaryOf({ kind: NotificationKind.MENTION, actorNames: ['Ana'], actorCount: 1, target: { ...target, title: null } })).toBe('Ana mentioned you in a post');
  });

  it('escapes what people wrote in the HTML of a digest, not in its text', () => {
    const email = renderDigest({
      displayName: 'Dora <i>',
      digest: EmailDigest.DAILY,
      items: [{ summary: 'Walt replied to “Tom & Jerry <script>”', url: 'https://commons.test/a?b=1&c="2"' }],
      more: 2,
      notificationsUrl: 'https://commons.test/notifications',
      preferencesUrl: 'https://commons.test/notifications/preferences',
    });
    expect(email.subject).toBe('Your daily Commons digest: 3 unread notifications');
    expect(email.html).toContain('Hello Dora &lt;i&gt;,');
    expect(email.html).toContain('<a href="https://commons.test/a?b=1&amp;c=&quot;2&quot;">Walt replied to “Tom &amp; Jerry &lt;script&gt;”</a>');
    expect(email.html).not.toMatch(/<script|<i>/u);
    expect(email.text).toContain('- Walt replied to “Tom & Jerry <script>”\n  https://commons.test/a?b=1&c="2"');
    expect(email.text).toContain('…and 2 more.');
  });
});
