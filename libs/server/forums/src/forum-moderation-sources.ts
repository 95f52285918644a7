import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { contentSummaryOf, DomainEvents, tableHistory, uuidv7, type ModeratedContentSource, type RejectedAttempt } from '@commons/server-core';
import { ContentKind, ModerationState, type ThreadKind } from '@commons/shared-contracts';
import { ForumContent } from './forum-content';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ReplyEntity } from './entities/reply.entity';
import { ThreadEntity } from './entities/thread.entity';
import { countReply, newReplyRow, newThreadRow } from './forum-rows';
import { replyCreated, replyModerated, threadCreated, threadModerated } from './forum-events';

type Raw = Record<string, unknown>;

/** A forum post that counts as accepted: visible and not deleted. */
const ACCEPTED = `moderation_state = 'VISIBLE' AND deleted_at IS NULL`;

/**
 * What moderation may do with forum posts: read them for the queue and the dry-run, move them
 * between moderation states (a reply held when posted counts in its thread once approved), and
 * publish a rejected attempt whose rejection was overturned on appeal.
 */
@Injectable()
export class ForumModerationSources {
  constructor(
    private readonly content: ForumContent,
    private readonly events: DomainEvents,
  ) {}

  readonly threads: ModeratedContentSource = {
    kind: ContentKind.ForumThread,
    ...tableHistory({ kind: ContentKind.ForumThread, table: 'forum_threads', time: 'created_at', title: 'title', body: 'body', accepted: ACCEPTED }),
    summaries: async (manager, ids) =>
      (await manager.query(`SELECT id, community_id, author_id, title, body, body_html, created_at, moderation_state, deleted_at IS NOT NULL AS deleted, NULL::uuid AS parent_id FROM forum_threads WHERE id = ANY($1)`, [ids])).map(
        (r: Raw) => contentSummaryOf(ContentKind.ForumThread, r),
      ),
    setState: async (manager, id, state, options = {}) => {
      const row = await manager.findOne(ThreadEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return;
      if (options.body !== undefined && options.body !== row.body) {
        await this.revise(manager, row.id, row.version, row.title, row.body, options.editorId);
        row.body = options.body;
        row.bodyHtml = await this.content.renderPost(manager, row.communityId, row.id, options.body, 'forum');
        row.version += 1;
        row.editedAt = new Date();
      }
      row.moderationState = state;
      await manager.save(row);
      await this.events.record(manager, threadModerated(row, state));
    },
    restore: async (manager, attempt) => {
      const placement = attempt.placement as { categoryId?: string; kind?: ThreadKind; tags?: string[] };
      if (!placement.categoryId || !placement.kind) return false;
      const category: unknown[] = await manager.query('SELECT 1 FROM forum_categories WHERE id = $1', [placement.categoryId]);
      if (category.length === 0) return false;
      const now = new Date();
      const row = newThreadRow(
        {
          id: attempt.contentId,
          communityId: attempt.communityId,
          categoryId: placement.categoryId,
          authorId: attempt.authorId,
          kind: placement.kind,
          title: attempt.title ?? '',
          body: attempt.body,
          bodyHtml: await this.rendered(manager, attempt),
          tags: placement.tags ?? [],
          moderationState: ModerationState.Visible,
        },
        now,
      );
      await manager.insert(ThreadEntity, row);
      await this.events.record(manager, threadCreated(row, true));
      return true;
    },
  };

  readonly replies: ModeratedContentSource = {
    kind: ContentKind.ForumReply,
    ...tableHistory({ kind: ContentKind.ForumReply, table: 'forum_replies', time: 'created_at', title: 'NULL', body: 'body', accepted: ACCEPTED }),
    summaries: async (manager, ids) =>
      (
        await manager.query(
          `SELECT r.id, r.community_id, r.author_id, t.title, r.body, r.body_html, r.created_at, r.moderation_state, r.deleted_at IS NOT NULL AS deleted, r.thread_id AS parent_id
             FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id WHERE r.id = ANY($1)`,
          [ids],
        )
      ).map((r: Raw) => contentSummaryOf(ContentKind.ForumReply, r)),
    setState: async (manager, id, state, options = {}) => {
      const row = await manager.findOne(ReplyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return;
      if (options.body !== undefined && options.body !== row.body) {
        await this.revise(manager, row.id, row.version, null, row.body, options.editorId);
        row.body = options.body;
        row.bodyHtml = await this.content.renderPost(manager, row.communityId, row.id, options.body, 'forum');
        row.version += 1;
        row.editedAt = new Date();
      }
      row.moderationState = state;
      await manager.save(row);
      if (state === ModerationState.Visible && options.firstAppearance) {
        const thread = await manager.findOne(ThreadEntity, { where: { id: row.threadId }, lock: { mode: 'pessimistic_write' } });
        if (thread) await countReply(manager, thread, row.authorId, new Date());
      }
      await this.events.record(manager, replyModerated(row, state));
    },
    restore: async (manager, attempt) => {
      const placement = attempt.placement as { threadId?: string; replyToId?: string | null };
      const thread = placement.threadId ? await manager.findOne(ThreadEntity, { where: { id: placement.threadId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!thread || thread.deletedAt || thread.lockedAt) return false;
      const now = new Date();
      const row = newReplyRow(
        {
          id: attempt.contentId,
          threadId: thread.id,
          communityId: attempt.communityId,
          authorId: attempt.authorId,
          replyToId: placement.replyToId ?? null,
          body: attempt.body,
          bodyHtml: await this.rendered(manager, attempt),
          moderationState: ModerationState.Visible,
        },
        now,
      );
      await manager.insert(ReplyEntity, row);
      await countReply(manager, thread, attempt.authorId, now);
      await this.events.record(manager, replyCreated(row, true));
      return true;
    },
  };

  private rendered(manager: EntityManager, attempt: RejectedAttempt): Promise<string> {
    return this.content.renderPost(manager, attempt.communityId, attempt.contentId, attempt.body, 'forum');
  }

  /** A moderator's edit keeps the author's words in the history, like any edit. */
  private async revise(manager: EntityManager, targetId: string, version: number, title: string | null, body: string, editorId: string | undefined) {
    // Moderation passes the moderator with every edited body.
    await manager.insert(PostRevisionEntity, { id: uuidv7(), targetId, version, title, body, editedById: editorId as string, createdAt: new Date() });
  }
}
