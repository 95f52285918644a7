import type { KnowledgeArticleKind, KnowledgeArticleState } from '@commons/web-data-access';

export const articlePath = (id: string) => `/knowledge/articles/${encodeURIComponent(id)}`;
export const articleEditPath = (id: string) => `/knowledge/articles/${encodeURIComponent(id)}/edit`;
export const collectionPath = (id: string) => `/knowledge/collections/${encodeURIComponent(id)}`;

/** The new-article screen, in a knowledge base (a community, or platform-wide) and optionally a collection. */
export function newArticlePath(scope: { communityId?: string | null; collectionId?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (scope.communityId) params.set('community', scope.communityId);
  if (scope.collectionId) params.set('collection', scope.collectionId);
  const query = params.toString();
  return `/knowledge/articles/new${query ? `?${query}` : ''}`;
}

export const KIND_LABEL: Record<KnowledgeArticleKind, string> = {
  HOW_TO: 'How-to',
  PLAYBOOK: 'Playbook',
  BEST_PRACTICE: 'Best practice',
  FAQ: 'FAQ',
};

export const STATE_LABEL: Record<KnowledgeArticleState, { label: string; color: string }> = {
  DRAFT: { label: 'Draft', color: 'gray' },
  IN_REVIEW: { label: 'In review', color: 'yellow' },
  PUBLISHED: { label: 'Published', color: 'green' },
  ARCHIVED: { label: 'Archived', color: 'dark' },
};

/** A diff line as a reader sees it: a sign, and the line. */
export function diffSign(op: 'ADDED' | 'REMOVED' | 'UNCHANGED'): string {
  return op === 'ADDED' ? '+' : op === 'REMOVED' ? '−' : ' ';
}
