import type {
  AppealStatus,
  AppealTarget,
  ContentKind,
  FlagReason,
  LinkMatch,
  ModerationQueueSource,
  ModerationRuleAction,
  ModerationRuleKind,
  PersonalDataType,
  SanctionKind,
} from '@commons/web-data-access';

/**
 * Colours for alerts and badges, dark enough for WCAG AA on white and on their own light tint
 * (a theme colour with a shade would fill a light alert with that shade).
 */
export const TONE = { good: '#0b6e4f', attention: '#b3400c', bad: '#a61e1e', neutral: '#495057' } as const;

/** Words for moderation's enums, and a line explaining each where a choice is made. */
export const RULE_KIND: Record<ModerationRuleKind, { label: string; description: string }> = {
  BLOCKED_TERMS: { label: 'Blocked terms', description: 'Words or phrases, matched as whole words whatever their case, accents or disguise.' },
  PATTERN: { label: 'Pattern', description: 'A regular expression (JavaScript syntax).' },
  PERSONAL_DATA: { label: 'Personal data', description: 'E-mail addresses, phone numbers and payment cards.' },
  LINKS: { label: 'Links', description: 'Every link, links to listed domains, or links to any other domain.' },
  NEW_MEMBER: { label: 'New members', description: 'The first posts of each member of the community.' },
  RATE_LIMIT: { label: 'Rate limit', description: 'Too many posts by one person in a short time.' },
  DUPLICATE: { label: 'Duplicates', description: 'The same text posted again and again.' },
  SIZE: { label: 'Size', description: 'Posts longer or shorter than limits, in characters.' },
  SHOUTING: { label: 'Shouting', description: 'Text mostly in capitals.' },
  GUIDELINE_ACKNOWLEDGEMENT: { label: 'Guideline acknowledgement', description: 'Posting needs the named guidelines acknowledged.' },
};

export const RULE_ACTION: Record<ModerationRuleAction, { label: string; description: string; color: string }> = {
  ALLOW: { label: 'Allow', description: 'Whitelists what it matches from the other text rules.', color: 'teal.9' },
  HOLD: { label: 'Hold for review', description: 'Stored, but only the author and moderators see it until reviewed.', color: TONE.attention },
  REJECT: { label: 'Reject', description: 'Refused with the reason; nothing public is stored.', color: 'red.9' },
};

export const PERSONAL_DATA: Record<PersonalDataType, string> = {
  EMAIL: 'E-mail addresses',
  PHONE: 'Phone numbers',
  PAYMENT_CARD: 'Payment card numbers',
};

export const LINK_MATCH: Record<LinkMatch, string> = {
  ANY: 'Every link',
  LISTED_DOMAINS: 'Links to the listed domains',
  UNLISTED_DOMAINS: 'Links to any domain not listed',
};

export const SCOPE_KIND: Record<string, string> = {
  'forum-thread': 'Threads',
  'forum-reply': 'Replies',
  'blog-post': 'Blog posts',
  'blog-comment': 'Blog comments',
  'knowledge-feedback': 'Article feedback',
};

export const CONTENT_KIND: Record<ContentKind, string> = {
  FORUM_THREAD: 'Thread',
  FORUM_REPLY: 'Reply',
  BLOG_POST: 'Blog post',
  BLOG_COMMENT: 'Blog comment',
  KNOWLEDGE_FEEDBACK: 'Article feedback',
};

export const QUEUE_SOURCE: Record<ModerationQueueSource, string> = {
  POLICY: 'Held by the policy',
  FLAGS: 'Flagged by members',
};

export const FLAG_REASON: Record<FlagReason, string> = {
  SPAM: 'Spam',
  HARASSMENT: 'Harassment or abuse',
  OFF_TOPIC: 'Off topic',
  CONFIDENTIAL: 'Confidential information',
  OTHER: 'Something else',
};

export const SANCTION_KIND: Record<SanctionKind, string> = {
  WARN: 'Warning',
  MUTE: 'Muted',
  SUSPEND: 'Suspended',
};

/**
 * A sanction as a noun, for "Revoke the mute of …": SANCTION_KIND's adjectives lower-cased read
 * "Revoke the muted of …", which is what the revoke button and its dialog used to be named.
 */
export const SANCTION_NOUN: Record<SanctionKind, string> = {
  WARN: 'warning',
  MUTE: 'mute',
  SUSPEND: 'suspension',
};

export const APPEAL_STATUS: Record<AppealStatus, string> = {
  PENDING: 'Pending',
  UPHELD: 'Upheld',
  OVERTURNED: 'Overturned',
};

export const APPEAL_TARGET: Record<AppealTarget, string> = {
  DECISION: 'A rejected post',
  QUEUE_ITEM: 'A held or rejected post',
  SANCTION: 'A sanction',
};

/** "2 hours", "3 days": a window or a duration in seconds, in words. */
export function seconds(total: number): string {
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) if (total >= size && total % size === 0) return `${total / size} ${unit}${total / size === 1 ? '' : 's'}`;
  return `${total} second${total === 1 ? '' : 's'}`;
}
