import type { BlogAuthors, BlogPostState } from '@commons/web-data-access';

/** Who writes in a blog, as the managers' setting offers it. */
export const BLOG_AUTHORS: Record<BlogAuthors, { label: string; description: string }> = {
  MANAGERS: { label: 'Managers only', description: 'The community’s managers write; members read, comment and react.' },
  MEMBERS: { label: 'All members', description: 'Every member who may take part can write posts.' },
};

/** A post's state, as its authors see it in their drafts and on the post. */
export const POST_STATE: Record<BlogPostState, { label: string; color: string }> = {
  DRAFT: { label: 'Draft', color: 'gray.7' },
  PUBLISHED: { label: 'Published', color: 'teal.9' },
  UNPUBLISHED: { label: 'Unpublished', color: 'orange.9' },
};

/** A time of day, for "Saved at 14:05". */
export function timeOfDay(at: Date): string {
  return at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
