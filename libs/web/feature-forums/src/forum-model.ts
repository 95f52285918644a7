import { normalizeTag, POST_BODY_MAX_LENGTH, POST_TITLE_MAX_LENGTH, TAGS_MAX } from '@commons/shared-contracts';
import type { ThreadFilter } from '@commons/web-data-access';

export const CATEGORY_NAME_MIN_LENGTH = 2;
export const CATEGORY_NAME_MAX_LENGTH = 60;
export const CATEGORY_DESCRIPTION_MAX_LENGTH = 500;

/** The server's limits and messages, checked before sending. */
export const rules = {
  title: (v: string) =>
    v.trim().length < 1 || v.trim().length > POST_TITLE_MAX_LENGTH ? `Enter a title of 1 to ${POST_TITLE_MAX_LENGTH} characters.` : undefined,
  body: (v: string) =>
    v.trim().length < 1 || v.length > POST_BODY_MAX_LENGTH ? `Write 1 to ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters.` : undefined,
  tags: (v: readonly string[]) => (v.length > TAGS_MAX ? `Use at most ${TAGS_MAX} tags.` : undefined),
  categoryName: (v: string) =>
    v.trim().length < CATEGORY_NAME_MIN_LENGTH || v.trim().length > CATEGORY_NAME_MAX_LENGTH
      ? `Enter a name of ${CATEGORY_NAME_MIN_LENGTH} to ${CATEGORY_NAME_MAX_LENGTH} characters.`
      : undefined,
  categoryDescription: (v: string) =>
    v.trim().length > CATEGORY_DESCRIPTION_MAX_LENGTH ? `Use at most ${CATEGORY_DESCRIPTION_MAX_LENGTH} characters.` : undefined,
};

/**
 * Tags as the server will keep them: each entry (several may be typed at once, separated by
 * commas) normalised like the server does (lower-case, '#' stripped, words joined by hyphens),
 * entries with nothing left dropped, duplicates once, in the order they were typed.
 */
export function normaliseTags(entries: readonly string[]): string[] {
  const tags = entries.flatMap((entry) => entry.split(',')).map(normalizeTag).filter((tag) => tag !== '');
  return [...new Set(tags)];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;

/** The thread a pasted link (…/forum/threads/<id>) or a bare id names; null when there is none. */
export function threadIdFrom(text: string): string | null {
  const trimmed = text.trim();
  const inLink = /\/threads\/([0-9a-f-]{36})(?:[/?#]|$)/iu.exec(trimmed);
  const candidate = inLink ? inLink[1] : trimmed;
  return UUID.test(candidate) && candidate.length === 36 ? candidate.toLowerCase() : null;
}

/** What a thread allows, as the reply box needs to explain a refusal. */
interface ThreadState {
  deleted: boolean;
  locked: boolean;
  duplicateOfId: string | null;
}

/** Why the viewer cannot reply, in the words the server uses for the same refusal. */
export function whyNoReply(thread: ThreadState, community: { viewerCan: { participate: boolean; join: boolean } }): string {
  if (thread.deleted) return 'This thread was deleted.';
  if (thread.locked) return 'This thread is locked: no new replies.';
  if (thread.duplicateOfId) return 'This thread was closed as a duplicate; reply in the original thread.';
  if (!community.viewerCan.participate && community.viewerCan.join) return 'Join the community to reply.';
  return 'You cannot post in this community.';
}

/** The thread list's filters, as they appear in the address (?category=…&questions=1&tag=…). */
export interface ForumFilters {
  category: string | null;
  questions: boolean;
  unanswered: boolean;
  unresolved: boolean;
  tag: string | null;
}

export function filtersFromSearch(params: URLSearchParams): ForumFilters {
  const tag = normalizeTag(params.get('tag') ?? '');
  return {
    category: params.get('category') || null,
    questions: params.get('questions') === '1',
    unanswered: params.get('unanswered') === '1',
    unresolved: params.get('unresolved') === '1',
    tag: tag || null,
  };
}

/** The address's search part for the filters: only what is set, so plain lists keep plain addresses. */
export function searchFromFilters(filters: ForumFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.questions) params.set('questions', '1');
  if (filters.unanswered) params.set('unanswered', '1');
  if (filters.unresolved) params.set('unresolved', '1');
  if (filters.tag) params.set('tag', filters.tag);
  return params;
}

export function toThreadFilter(filters: ForumFilters): ThreadFilter {
  return {
    categoryId: filters.category,
    kind: filters.questions ? 'QUESTION' : null,
    unanswered: filters.unanswered || null,
    unresolved: filters.unresolved || null,
    tag: filters.tag,
  };
}

export const isFiltered = (filters: ForumFilters): boolean =>
  Boolean(filters.category || filters.questions || filters.unanswered || filters.unresolved || filters.tag);

/**
 * Whether a thread that just appeared (in `categoryId`) belongs to the list under these filters,
 * as far as its announcement tells: only the category is known, so a list filtered by kind,
 * resolution or tag does not count it (a new thread is unanswered).
 */
export const newThreadMatches = (filters: ForumFilters, categoryId: string | null): boolean =>
  !filters.questions && !filters.unresolved && !filters.tag && (filters.category === null || filters.category === categoryId);
