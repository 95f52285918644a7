import { EmailDigest } from '../notification-kinds';

/** One line of a digest: what happened and where it opens. */
export interface DigestItem {
  summary: string;
  url: string;
}

export interface DigestContent {
  displayName: string;
  digest: EmailDigest.DAILY | EmailDigest.WEEKLY;
  items: readonly DigestItem[];
  /** Unread notifications beyond the ones listed. */
  more: number;
  notificationsUrl: string;
  preferencesUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Text people wrote (names, titles) in HTML: every special character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** A digest e-mail, as HTML and as plain text. */
export function renderDigest(content: DigestContent): RenderedEmail {
  const period = content.digest === EmailDigest.DAILY ? 'daily' : 'weekly';
  const total = content.items.length + content.more;
  const subject = `Your ${period} Commons digest: ${total} unread notification${total === 1 ? '' : 's'}`;
  const more = content.more > 0 ? `…and ${content.more} more.` : '';
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Hello ${escapeHtml(content.displayName)},</p>`,
    `<p>Here is what you have not read yet on Commons:</p>`,
    '<ul>',
    ...content.items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.summary)}</a></li>`),
    '</ul>',
    more ? `<p>${escapeHtml(more)} <a href="${escapeHtml(content.notificationsUrl)}">See all your notifications</a>.</p>` : '',
    `<p style="color: #666; font-size: 0.9em">You get this ${period} e-mail because you asked for it. <a href="${escapeHtml(content.preferencesUrl)}">Change your notification preferences</a>.</p>`,
    '</body></html>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const text = [
    `Hello ${content.displayName},`,
    '',
    'Here is what you have not read yet on Commons:',
    '',
    ...content.items.map((item) => `- ${item.summary}\n  ${item.url}`),
    ...(more ? ['', `${more} See all your notifications: ${content.notificationsUrl}`] : []),
    '',
    `You get this ${period} e-mail because you asked for it. Change your notification preferences: ${content.preferencesUrl}`,
  ].join('\n');
  return { subject, html, text };
}
