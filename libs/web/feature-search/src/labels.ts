import type { SearchKind } from '@commons/web-data-access';

export const KIND: Record<SearchKind, { label: string; plural: string; color: string }> = {
  THREAD: { label: 'Thread', plural: 'Threads', color: 'blue.8' },
  REPLY: { label: 'Reply', plural: 'Replies', color: 'teal.9' },
  BLOG_POST: { label: 'Blog post', plural: 'Blog posts', color: 'grape.8' },
  ARTICLE: { label: 'Article', plural: 'Articles', color: 'cyan.9' },
};
