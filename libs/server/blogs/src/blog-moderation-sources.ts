import { Injectable } from '@nestjs/common';
import { contentSummaryOf, renderMarkdown, tableHistory, type ModeratedContentSource } from '@commons/server-core';
import { ContentKind, ModerationState } from '@commons/shared-contracts';
import { BlogCommentEntity } from './entities/blog-comment.entity';
import { BlogPostEntity } from './entities/blog-post.entity';

type Raw = Record<string, unknown>;

/** What moderation may do with blog posts and comments (see ModeratedContentSource). Posts count from when they were published. */
@Injectable()
export class BlogModerationSources {
  readonly posts: ModeratedContentSource = {
    kind: ContentKind.BlogPost,
    // A post meets readers when it is published, so its history runs on publication time.
    ...tableHistory({
      kind: ContentKind.BlogPost,
      table: 'blog_posts',
      time: 'published_at',
      title: 'title',
      body: `excerpt || E'\\n\\n' || body`,
      exists: `state = 'PUBLISHED'`,
      accepted: `state = 'PUBLISHED' AND moderation_state = 'VISIBLE'`,
    }),
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
  };

  readonly comments: ModeratedContentSource = {
    kind: ContentKind.BlogComment,
    ...tableHistory({ kind: ContentKind.BlogComment, table: 'blog_comments', time: 'created_at', title: 'NULL', body: 'body', accepted: `moderation_state = 'VISIBLE' AND deleted_at IS NULL` }),
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
  };
}
