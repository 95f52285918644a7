/** The kinds of posts listening scores. */
export const ListenedKind = { Thread: 'THREAD', Reply: 'REPLY', BlogPost: 'BLOG_POST', Comment: 'COMMENT' } as const;
export type ListenedKind = (typeof ListenedKind)[keyof typeof ListenedKind];

/**
 * How listening reads one content table (read only: analytics never writes there). `time` is
 * when a post met readers (a blog post's publication); `visible` says which rows are posts people
 * can read now: not deleted, not held or removed by moderation, published.
 */
export interface ContentSource {
  kind: ListenedKind;
  table: 'forum_threads' | 'forum_replies' | 'blog_posts' | 'blog_comments';
  time: string;
  title: string;
  tags: string;
  visible: string;
}

const NOT_DELETED_AND_VISIBLE = `moderation_state = 'VISIBLE' AND deleted_at IS NULL`;

export const CONTENT_SOURCES: readonly ContentSource[] = [
  { kind: ListenedKind.Thread, table: 'forum_threads', time: 'created_at', title: 'title', tags: 'tags', visible: NOT_DELETED_AND_VISIBLE },
  { kind: ListenedKind.Reply, table: 'forum_replies', time: 'created_at', title: 'NULL::text', tags: `'{}'::text[]`, visible: NOT_DELETED_AND_VISIBLE },
  {
    kind: ListenedKind.BlogPost,
    table: 'blog_posts',
    time: 'published_at',
    title: 'title',
    tags: 'tags',
    visible: `state = 'PUBLISHED' AND published_at IS NOT NULL AND moderation_state = 'VISIBLE'`,
  },
  { kind: ListenedKind.Comment, table: 'blog_comments', time: 'created_at', title: 'NULL::text', tags: `'{}'::text[]`, visible: NOT_DELETED_AND_VISIBLE },
];
