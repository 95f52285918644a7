import { normalizeTag } from '@commons/shared-contracts';

/** At most this many tags are searched for one topic. */
const TOPIC_TAGS_MAX = 6;

/**
 * A topic as tags: the whole of it normalized ("API keys" → "api-keys") and each word on its own
 * ("api", "keys"), so a free-text search finds threads tagged either way. The whole is also the
 * prefix for declared expertise ("secur" finds "security").
 */
export function topicTags(topic: string): { tags: string[]; prefix: string | null } {
  const whole = normalizeTag(topic);
  const words = topic.split(/[\s,;/]+/u).map(normalizeTag);
  const tags = [...new Set([whole, ...words])].filter((t) => t !== '').slice(0, TOPIC_TAGS_MAX);
  return { tags, prefix: whole.length >= 2 ? whole : null };
}
