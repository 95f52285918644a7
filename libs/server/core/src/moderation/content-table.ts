import type { ContentKind } from '@commons/shared-contracts';
import type { HistoricalContent, ModeratedContentSource } from './moderation-gate';

/** How one content table is read for moderation's history: the same queries serve every kind. */
export interface ContentTable {
  kind: ContentKind;
  table: 'forum_threads' | 'forum_replies' | 'blog_posts' | 'blog_comments';
  /** When a post met readers (blog posts: their publication). */
  time: string;
  /** SQL for the title (NULL where the kind has none) and the text judged. */
  title: string;
  body: string;
  /** Rows that are posts at all (a blog post once published); empty: every row. */
  exists?: string;
  /** Rows that count as an author's accepted posts. */
  accepted: string;
}

/**
 * The parts of a ModeratedContentSource that only read a table's history: the dry-run's pages
 * (keyset on time and id), their count, authors' accepted posts before a time, and the gate's
 * accepted-posts statement.
 */
export function tableHistory(t: ContentTable): Pick<ModeratedContentSource, 'visiblePostsSql' | 'history' | 'countHistory' | 'postCountsBefore'> {
  const exists = t.exists ? ` AND ${t.exists}` : '';
  const inWindow = `community_id = $1${exists} AND ${t.time} > $2 AND ${t.time} <= $3`;
  return {
    visiblePostsSql: `SELECT 1 FROM ${t.table} WHERE author_id = $1 AND community_id = $2 AND ${t.accepted}`,
    history: async (manager, communityId, since, until, after, limit) => {
      const rows: Array<Record<string, unknown>> = await manager.query(
        `SELECT id, author_id, ${t.title} AS title, ${t.body} AS body, ${t.time} AS created_at FROM ${t.table}
          WHERE ${inWindow} AND ($4::timestamptz IS NULL OR (${t.time}, id) > ($4, $5::uuid))
          ORDER BY ${t.time}, id LIMIT $6`,
        [communityId, since, until, after?.at ?? null, after?.id ?? null, limit],
      );
      return rows.map((r): HistoricalContent => ({
        kind: t.kind,
        id: r['id'] as string,
        authorId: r['author_id'] as string,
        title: (r['title'] as string | null) ?? null,
        body: r['body'] as string,
        createdAt: r['created_at'] as Date,
      }));
    },
    countHistory: async (manager, communityId, since, until) =>
      ((await manager.query(`SELECT count(*)::int AS n FROM ${t.table} WHERE ${inWindow}`, [communityId, since, until])) as Array<{ n: number }>)[0].n,
    postCountsBefore: async (manager, communityId, before) => {
      const rows: Array<{ author_id: string; n: number }> = await manager.query(
        `SELECT author_id, count(*)::int AS n FROM ${t.table} WHERE community_id = $1 AND ${t.time} <= $2 AND ${t.accepted} GROUP BY author_id`,
        [communityId, before],
      );
      return new Map(rows.map((r) => [r.author_id, r.n]));
    },
  };
}
