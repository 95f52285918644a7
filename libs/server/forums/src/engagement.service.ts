import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainEvents, NotFoundError, type Viewer } from '@commons/server-core';
import { ForumAction } from './forum-access';
import { ForumContent } from './forum-content';
import { reactionChanged } from './forum-events';
import { ForumRepository } from './forum.repository';
import { FollowEntity, FollowTarget } from './entities/follow.entity';
import { ForumCategoryEntity } from './entities/forum-category.entity';
import { ReactionEntity } from './entities/reaction.entity';
import { ReplyEntity } from './entities/reply.entity';
import { ThreadEntity } from './entities/thread.entity';
import type { ReactInput } from './dto/forum.inputs';
import type { ReactionCountType } from './dto/forum.types';
import { ReactionTargets } from './reaction-targets';

/** Reactions and follows: small, idempotent writes by anyone who may post. */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ForumContent,
    private readonly repository: ForumRepository,
    private readonly targets: ReactionTargets,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {
    // Threads and replies are the forums' own reactable things.
    targets.register(async (manager, id) => {
      const thread = await manager.findOne(ThreadEntity, { where: { id }, select: { id: true, communityId: true, authorId: true, deletedAt: true } });
      if (thread) return { id, communityId: thread.communityId, authorId: thread.authorId, subjectId: id, deleted: thread.deletedAt !== null };
      const reply = await manager.findOne(ReplyEntity, { where: { id }, select: { id: true, communityId: true, authorId: true, threadId: true, deletedAt: true } });
      return reply ? { id, communityId: reply.communityId, authorId: reply.authorId, subjectId: reply.threadId, deleted: reply.deletedAt !== null } : null;
    });
  }

  /** Adds or takes back one reaction; one of each kind per person. Returns the post's new counts. */
  async react(viewer: Viewer, input: ReactInput): Promise<ReactionCountType[]> {
    const target = await this.targets.find(this.dataSource.manager, input.targetId);
    if (!target) throw new NotFoundError('The post');
    const access = await this.content.readable(viewer, target.communityId, 'The post');
    this.content.assert(viewer, ForumAction.Post, access, undefined, 'You cannot react in this community.');
    await this.dataSource.transaction(async (manager) => {
      let changed: boolean;
      if (input.on && !target.deleted) {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO forum_reactions (target_id, account_id, kind, community_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
          [target.id, viewer.accountId, input.kind, target.communityId, this.clock.now()],
        );
        changed = inserted.length > 0;
      } else {
        changed = Boolean((await manager.delete(ReactionEntity, { targetId: target.id, accountId: viewer.accountId, kind: input.kind })).affected);
      }
      // Only a real change is news: reacting twice the same way tells nobody anything.
      if (changed) await this.events.record(manager, reactionChanged(target, viewer.accountId, input.kind, input.on && !target.deleted));
    });
    return this.repository.reactions(viewer.accountId, target.id);
  }

  /** Follows (or unfollows) a thread, a category, a tag of a community, or a community's blog. */
  async follow(viewer: Viewer, kind: FollowTarget, id: string | null, tag: string | null, communityIdForTag: string | null, on: boolean): Promise<boolean> {
    const { communityId, key, what } = await this.followed(kind, id, tag, communityIdForTag);
    await this.content.readable(viewer, communityId, what);
    await this.dataSource.transaction(async (manager) => {
      if (on) {
        await manager.query(
          `INSERT INTO forum_follows (account_id, target_kind, target_key, community_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [viewer.accountId, kind, key, communityId, this.clock.now()],
        );
      } else {
        await manager.delete(FollowEntity, { accountId: viewer.accountId, targetKind: kind, targetKey: key });
      }
    });
    return on;
  }

  /** What a follow is of: its community, its key, and what to call it when it is not found. */
  private async followed(kind: FollowTarget, id: string | null, tag: string | null, communityIdForTag: string | null): Promise<{ communityId: string; key: string; what: string }> {
    if (kind === FollowTarget.Tag) {
      if (!tag || !communityIdForTag) throw new NotFoundError('The tag');
      return { communityId: communityIdForTag, key: `${communityIdForTag}:${this.content.tags([tag])[0]}`, what: 'The tag' };
    }
    if (kind === FollowTarget.Blog) {
      if (!id) throw new NotFoundError('The blog');
      return { communityId: id, key: id, what: 'The blog' };
    }
    const row =
      kind === FollowTarget.Thread
        ? await this.dataSource.getRepository(ThreadEntity).findOne({ where: { id: id ?? undefined }, select: { id: true, communityId: true } })
        : await this.dataSource.getRepository(ForumCategoryEntity).findOne({ where: { id: id ?? undefined }, select: { id: true, communityId: true } });
    const what = kind === FollowTarget.Thread ? 'The thread' : 'The category';
    if (!row) throw new NotFoundError(what);
    return { communityId: row.communityId, key: row.id, what };
  }

  /** The tags the viewer follows in a community. */
  async followedTags(viewer: Viewer, communityId: string): Promise<string[]> {
    const rows: Array<{ target_key: string }> = await this.dataSource.query(
      `SELECT target_key FROM forum_follows WHERE account_id = $1 AND target_kind = 'TAG' AND community_id = $2 ORDER BY target_key`,
      [viewer.accountId, communityId],
    );
    return rows.map((r) => r.target_key.slice(communityId.length + 1));
  }

  /** Whether the viewer follows each key (thread or category ids). */
  async following(viewer: Viewer, kind: FollowTarget, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: Array<{ target_key: string }> = await this.dataSource.query(
      `SELECT target_key FROM forum_follows WHERE account_id = $1 AND target_kind = $2 AND target_key = ANY($3::text[])`,
      [viewer.accountId, kind, keys],
    );
    return new Set(rows.map((r) => r.target_key));
  }
}
