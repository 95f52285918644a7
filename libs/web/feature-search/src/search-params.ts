import type { SearchFilter, SearchKind } from '@commons/web-data-access';

/** What a search asks, as the address spells it: /search?q=…&kind=…&answered=…&tag=…&from=…&to=…&community=… */
export interface SearchParams {
  q: string;
  kind: SearchKind | null;
  answered: boolean | null;
  tag: string;
  /** Calendar days (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  community: string | null;
}

export const QUERY_MAX_LENGTH = 200;
const KINDS: readonly SearchKind[] = ['THREAD', 'REPLY', 'BLOG_POST', 'ARTICLE'];
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function readParams(params: URLSearchParams): SearchParams {
  const kind = params.get('kind');
  const answered = params.get('answered');
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    q: (params.get('q') ?? '').trim(),
    kind: KINDS.includes(kind as SearchKind) ? (kind as SearchKind) : null,
    answered: answered === 'yes' ? true : answered === 'no' ? false : null,
    tag: (params.get('tag') ?? '').trim(),
    from: day('from'),
    to: day('to'),
    community: params.get('community')?.trim() || null,
  };
}

/** The address of a search; empty parts are left out. */
export function writeParams(search: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.kind) params.set('kind', search.kind);
  if (search.answered !== null) params.set('answered', search.answered ? 'yes' : 'no');
  if (search.tag) params.set('tag', search.tag);
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  if (search.community) params.set('community', search.community);
  return params;
}

/** The start of a calendar day in the reader's time zone, as an instant. */
function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The API's filter: days become instants in the reader's time zone; "to" includes its whole day. */
export function toFilter(search: SearchParams): SearchFilter | null {
  const filter: SearchFilter = {
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.answered !== null ? { answered: search.answered } : {}),
    ...(search.tag ? { tag: search.tag } : {}),
    ...(search.from ? { from: startOfDay(search.from) } : {}),
    ...(search.to ? { to: startOfDay(search.to, 1) } : {}),
    ...(search.community ? { communityId: search.community } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : null;
}

/** Why a search cannot be sent as it is; undefined when it can. */
export function searchProblem(search: SearchParams): { field: 'q' | 'to'; message: string } | undefined {
  if (search.q.length > QUERY_MAX_LENGTH) return { field: 'q', message: `Enter 1 to ${QUERY_MAX_LENGTH} characters to search for.` };
  if (search.from && search.to && search.to < search.from) return { field: 'to', message: 'The end date comes before the start date.' };
  return undefined;
}

export const hasFilters = (search: SearchParams): boolean => toFilter({ ...search, community: null }) !== null;

interface HitAddress {
  kind: SearchKind;
  id?: string;
  threadId: string | null;
  postSlug: string | null;
  /** Null for platform-wide knowledge articles. */
  communitySlug: string | null;
}

/** Where a hit opens: a thread (a reply opens its thread), a blog post or a knowledge article. */
export function hitHref(hit: HitAddress): string {
  if (hit.kind === 'ARTICLE') return `/knowledge/articles/${encodeURIComponent(hit.id ?? '')}`;
  const community = `/communities/${encodeURIComponent(hit.communitySlug ?? '')}`;
  if (hit.kind === 'BLOG_POST') return `${community}/blog/${encodeURIComponent(hit.postSlug ?? '')}`;
  return `${community}/forum/threads/${encodeURIComponent(hit.threadId ?? '')}`;
}
