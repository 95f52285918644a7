import { Injectable } from '@nestjs/common';
import { contentSummaryOf, DomainEvents, tableHistory, type ModeratedContentSource, type RejectedAttempt } from '@commons/server-core';
import { ForumContent } from '@commons/server-forums';
import { BlogPostState, ContentKind, ModerationState } from '@commons/shared-contracts';
import type { EntityManager } from 'typeorm';
import { announceIfAppeared, commentCreated, commentModerated, postModerated, postPublished } from './blog-events';
import { BlogCommentEntity } from './entities/blog-comment.entity';
import { BlogPostEntity } from './entities/blog-post.entity';

type Raw = Record<string, unknown>;

/**
 * Where a rejected blog write was going, kept with the attempt (see ModeratedContent.placement):
 * a publication, or an edit of a published post made from `baseVersion`.
 */
export type BlogPostPlacement =
  | { action: 'publish'; publishAt: string | null }
  | { action: 'edit'; baseVersion: number; title: string; excerpt: string; body: string; tags: string[]; coverImageUrl: string | null };

/** What moderation may do with blog posts and comments (see ModeratedContentSource). Posts count from when they were published. */
@Injectable()
export class BlogModerationSources {
  constructor(
    private readonly content: ForumContent,
    private readonly events: DomainEvents,
  ) {}

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
        row.bodyHtml = await this.content.renderPost(manager, row.communityId, row.id, options.body, 'blog');
        row.version += 1;
        row.updatedAt = new Date();
      }
      row.moderationState = state;
      announceIfAppeared(row, new Date());
      await manager.save(row);
      await this.events.record(manager, postModerated(row, state));
    },
    restore: (manager, attempt) => this.restorePost(manager, attempt),
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
        row.bodyHtml = await this.content.renderPost(manager, row.communityId, row.id, options.body, 'blog');
        row.editedAt = new Date();
      }
      row.moderationState = state;
      await manager.save(row);
      if (state === ModerationState.Visible && options.firstAppearance) await manager.increment(BlogPostEntity, { id: row.postId }, 'commentCount', 1);
      await this.events.record(manager, commentModerated(row, state));
    },
    restore: (manager, attempt) => this.restoreComment(manager, attempt),
  };

  /**
   * Carries out a blog write whose rejection was overturned on appeal: the publication, or the
   * edit, as the author made it — unless the post changed since (then the author publishes or
   * edits again, and that is judged as usual).
   */
  private async restorePost(manager: EntityManager, attempt: RejectedAttempt): Promise<boolean> {
    const placement = attempt.placement as BlogPostPlacement | { action?: undefined };
    const row = await manager.findOne(BlogPostEntity, { where: { id: attempt.contentId }, lock: { mode: 'pessimistic_write' } });
    if (!row) return false;
    const now = new Date();
    if (placement.action === 'publish') {
      const unchanged = row.title === attempt.title && `${row.excerpt}\n\n${row.body}` === attempt.body;
      if (!unchanged || row.state === BlogPostState.Published) return false;
      const publishAt = placement.publishAt ? new Date(placement.publishAt) : null;
      Object.assign(row, { state: BlogPostState.Published, moderationState: ModerationState.Visible, publishedAt: publishAt && publishAt > now ? publishAt : now });
    } else if (placement.action === 'edit') {
      if (row.version !== placement.baseVersion || row.state !== BlogPostState.Published) return false;
      Object.assign(row, {
        title: placement.title,
        excerpt: placement.excerpt,
        body: placement.body,
        bodyHtml: await this.content.renderPost(manager, row.communityId, row.id, placement.body, 'blog'),
        tags: placement.tags,
        coverImageUrl: placement.coverImageUrl,
        moderationState: ModerationState.Visible,
      });
    } else {
      return false;
    }
    Object.assign(row, { updatedAt: now, version: row.version + 1 });
    announceIfAppeared(row, now);
    await manager.save(row);
    await this.events.record(manager, postPublished(row, true));
    return true;
  }

  /** Publishes a rejected comment overturned on appeal, where its post is still published (and the comment it answered still there). */
  private async restoreComment(manager: EntityManager, attempt: RejectedAttempt): Promise<boolean> {
    const placement = attempt.placement as { postId?: string; parentId?: string | null };
    const post = placement.postId ? await manager.findOne(BlogPostEntity, { where: { id: placement.postId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!post || post.state !== BlogPostState.Published) return false;
    if (placement.parentId && !(await manager.exists(BlogCommentEntity, { where: { id: placement.parentId, postId: post.id } }))) return false;
    const now = new Date();
    const comment = manager.create(BlogCommentEntity, {
      id: attempt.contentId,
      postId: post.id,
      communityId: post.communityId,
      parentId: placement.parentId ?? null,
      authorId: attempt.authorId,
      body: attempt.body,
      bodyHtml: await this.content.renderPost(manager, post.communityId, attempt.contentId, attempt.body, 'blog'),
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      moderationState: ModerationState.Visible,
    });
    await manager.insert(BlogCommentEntity, comment);
    await manager.increment(BlogPostEntity, { id: post.id }, 'commentCount', 1);
    await this.events.record(manager, commentCreated(comment, true));
    return true;
  }
}
