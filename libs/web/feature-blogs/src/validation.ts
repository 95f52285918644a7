import { COMMENT_MAX_LENGTH, EXCERPT_MAX_LENGTH, normalizeTag, POST_BODY_MAX_LENGTH, POST_TITLE_MAX_LENGTH, TAGS_MAX } from '@commons/shared-contracts';

/** What the editor holds; the server receives the same, trimmed where it trims. */
export type PostDraft = {
  title: string;
  excerpt: string;
  coverImageUrl: string;
  tags: string[];
  body: string;
  coAuthorIds: string[];
};

export const EMPTY_DRAFT: PostDraft = { title: '', excerpt: '', coverImageUrl: '', tags: [], body: '', coAuthorIds: [] };

/** An https:// address with a host name the server accepts (a dotted domain). */
export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' && /^[^.]+(\.[^.]+)+$/u.test(url.hostname) && !/\s/u.test(text.trim());
  } catch {
    return false;
  }
}

/** The same rules the server applies to a post (shared limits and messages), checked before sending. */
export const postRules = {
  title: (v: string) =>
    v.trim().length < 1 || v.trim().length > POST_TITLE_MAX_LENGTH ? `Enter a title of 1 to ${POST_TITLE_MAX_LENGTH} characters.` : undefined,
  excerpt: (v: string) => (v.trim().length > EXCERPT_MAX_LENGTH ? `Use at most ${EXCERPT_MAX_LENGTH} characters.` : undefined),
  coverImageUrl: (v: string) => (v.trim() && !isHttpsUrl(v) ? 'Use an https:// address for the cover image.' : undefined),
  tags: (v: string[]) => (v.length > TAGS_MAX ? `Use at most ${TAGS_MAX} tags.` : undefined),
  body: (v: string) => (v.length > POST_BODY_MAX_LENGTH ? `Write at most ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters.` : undefined),
};

/** Publishing needs a body: the server refuses an empty post. */
export function publishProblem(draft: Pick<PostDraft, 'body'>): string | undefined {
  return draft.body.trim() ? undefined : 'Write the post before publishing it.';
}

export const commentRule = (v: string) =>
  v.trim().length < 1 || v.length > COMMENT_MAX_LENGTH ? `Write 1 to ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.` : undefined;

/** Tags as the server stores them ("#Café Ops" → "café-ops"), without empties or repeats. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter((t) => t.length > 0))];
}

/** The fields the server receives for a draft: trimmed where it trims, no cover as null. */
export function draftInput(draft: PostDraft) {
  return {
    title: draft.title.trim(),
    excerpt: draft.excerpt.trim(),
    coverImageUrl: draft.coverImageUrl.trim() || null,
    tags: normalizeTags(draft.tags),
    body: draft.body,
    coAuthorIds: draft.coAuthorIds,
  };
}

/** Whether two drafts send the same thing (an autosave is only needed when they differ). */
export function sameDraft(a: PostDraft, b: PostDraft): boolean {
  return JSON.stringify(draftInput(a)) === JSON.stringify(draftInput(b));
}
