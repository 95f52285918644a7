import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { renderMarkdown, contentSummaryOf, type HistoricalContent, type ModeratedContentSource } from '@commons/server-core';
import { ContentKind, ModerationState } from '@commons/shared-contracts';
import { BlogCommentEntity } from './entities/blog-comment.entity';
import { BlogPostEntity } from './entities/blog-post.entity';

type Raw = Record<string, unknown>;


const history = (kind: ContentKind, rows: Raw[]): HistoricalContent[] =>
  rows.map((r) => ({ kind, id: r['id'] as string, authorId: r['author_id'] as string, title: (r['title'] as string | null) ?? null, body: r['body'] as string, createdAt: r['created_at'] as Date }));

/** What moderation may do with blog posts and comments (see ModeratedContentSource). Posts count from when they were published. */
@Injectable()
export class BlogModerationSources {
  readonly posts: ModeratedContentSource = {
    kind: ContentKind.BlogPost,
    visiblePostsSql: `SELECT 1 FROM blog_posts WHERE author_id = $1 AND community_id = $2 AND state = 'PUBLISHED' AND moderation_state = 'VISIBLE'`,
    summaries: async (manager, ids) =>
      (
        await manager.query(
          `SELECT id, community_id, author_id, title, excerpt || E'\\n\\n' || body AS body, body_html, coalesce(published_at, created_at) AS created_at, moderation_state,
                  state <> 'PUBLISHED' AS deleted, NULL::uuid AS parent_id FROM blog_posts WHERE id = ANY($1)`,
          [ids],
        )
      ).map((r: Raw) => contentSummaryOf(ContentKind.BlogPost, r)),
    setState: async (manager, id, state, options = {}) => {
      const row = await manager.findOne(BlogPostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return;
      if (options.body !== undefined && options.body !== row.body) {
        row.body = options.body;
        row.bodyHtml = renderMarkdown(options.body);
        row.version += 1;
        row.updatedAt = new Date();
      }
      row.moderationState = state;
      await manager.save(row);
    },
    history: async (manager, communityId, since, until, after, limit) =>
      history(
        ContentKind.BlogPost,
        await manager.query(
          `SELECT id, author_id, title, excerpt || E'\\n\\n' || body AS body, published_at AS created_at FROM blog_posts
            WHERE community_id = $1 AND state = 'PUBLISHED' AND published_at > $2 AND published_at <= $3
              AND ($4::timestamptz IS NULL OR (published_at, id) > ($4, $5::uuid))
            ORDER BY published_at, id LIMIT $6`,
          [communityId, since, until, after?.at ?? null, after?.id ?? null, limit],
        ),
      ),
    countHistory: async (manager, communityId, since, until) =>
      (await manager.query(`SELECT count(*)::int AS n FROM blog_posts WHERE community_id = $1 AND state = 'PUBLISHED' AND published_at > $2 AND published_at <= $3`, [communityId, since, until]))[0].n,
    postCountsBefore: async (manager, communityId, before) =>
      counts(await manager.query(`SELECT author_id, count(*)::int AS n FROM blog_posts WHERE community_id = $1 AND state = 'PUBLISHED' AND published_at <= $2 AND moderation_state = 'VISIBLE' GROUP BY author_id`, [communityId, before])),
  };

  readonly comments: ModeratedContentSource = {
    kind: ContentKind.BlogComment,
    visiblePostsSql: `SELECT 1 FROM blog_comments WHERE author_id = $1 AND community_id = $2 AND moderation_state = 'VISIBLE' AND deleted_at IS NULL`,
    summaries: async (manager, ids) =>
      (
        await manager.query(
          `SELECT c.id, c.community_id, c.author_id, p.title, c.body, c.body_html, c.created_at, c.moderation_state, c.deleted_at IS NOT NULL AS deleted, c.post_id AS parent_id
             FROM blog_comments c JOIN blog_posts p ON p.id = c.post_id WHERE c.id = ANY($1)`,
          [ids],
        )
      ).map((r: Raw) => contentSummaryOf(ContentKind.BlogComment, r)),
    setState: async (manager, id, state, options = {}) => {
      const row = await manager.findOne(BlogCommentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return;
      if (options.body !== undefined && options.body !== row.body) {
        row.body = options.body;
        row.bodyHtml = renderMarkdown(options.body);
        row.editedAt = new Date();
      }
      row.moderationState = state;
      await manager.save(row);
      if (state === ModerationState.Visible && options.firstAppearance) await manager.increment(BlogPostEntity, { id: row.postId }, 'commentCount', 1);
    },
    history: async (manager, communityId, since, until, after, limit) =>
      history(
        ContentKind.BlogComment,
        await manager.query(
          `SELECT id, author_id, NULL AS title, body, created_at FROM blog_comments
            WHERE community_id = $1 AND created_at > $2 AND created_at <= $3 AND ($4::timestamptz IS NULL OR (created_at, id) > ($4, $5::uuid))
            ORDER BY created_at, id LIMIT $6`,
          [communityId, since, until, after?.at ?? null, after?.id ?? null, limit],
        ),
      ),
    countHistory: async (manager, communityId, since, until) =>
      (await manager.query(`SELECT count(*)::int AS n FROM blog_comments WHERE community_id = $1 AND created_at > $2 AND created_at <= $3`, [communityId, since, until]))[0].n,
    postCountsBefore: async (manager: EntityManager, communityId, before) =>
      counts(await manager.query(`SELECT author_id, count(*)::int AS n FROM blog_comments WHERE community_id = $1 AND created_at <= $2 AND moderation_state = 'VISIBLE' AND deleted_at IS NULL GROUP BY author_id`, [communityId, before])),
  };
}

const counts = (rows: Array<{ author_id: string; n: number }>) => new Map(rows.map((r) => [r.author_id, r.n]));
