import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, Clock, DomainEvents, PLATFORM_ACTOR, ConflictError, ForbiddenError, ModeratedContentRegistry, NotFoundError, uuidv7, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { ModerationState, QueueSource } from '@commons/shared-contracts';
import { AuditLog } from '../audit/audit-log';
import { ContentFlagEntity } from '../entities/content-flag.entity';
import { enqueue } from '../review/enqueue';
import { ModerationNotices, NoticeKind } from '../notices/moderation-notices';
import { PolicyStore } from '../policies/policy.store';
import type { FlagContentInput } from '../dto/moderation.inputs';
import type { FlagResultType } from '../dto/moderation.types';

/**
 * Members flag posts they can read. The first flag puts the post in the review queue; when
 * flags from distinct members reach the policy's `flagsToAutoHide`, the post is hidden
 * pending review (its author is told).
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ModeratedContentRegistry,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly policies: PolicyStore,
    private readonly audit: AuditLog,
    private readonly notices: ModerationNotices,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async flag(viewer: Viewer, input: FlagContentInput): Promise<FlagResultType> {
    const source = this.registry.get(input.contentKind);
    const [content] = await source.summaries(this.dataSource.manager, [input.contentId]);
    const access = content ? await this.communities.facts(viewer, content.communityId) : null;
    if (!content || content.deleted || content.state !== ModerationState.Visible && content.authorId !== viewer.accountId) throw new NotFoundError('The post');
    if (!access || !this.authorization.can(viewer, CommunityAction.ReadContent, { access })) throw new NotFoundError('The post');
    if (content.authorId === viewer.accountId) throw new ForbiddenError('You cannot flag your own post; edit or delete it instead.');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const inserted: unknown[] = await manager
        .createQueryBuilder()
        .insert()
        .into(ContentFlagEntity)
        .values({ id: uuidv7(now.getTime()), communityId: content.communityId, contentKind: input.contentKind, contentId: content.id, flaggerId: viewer.accountId, reason: input.reason, detail: input.detail, createdAt: now })
        .orIgnore()
        .returning('id')
        .execute()
        .then((r) => r.raw as unknown[]);
      if (inserted.length === 0) throw new ConflictError('You already flagged this post.');
      await this.events.record(manager, {
        type: 'moderation.flag.created',
        communityId: content.communityId,
        subjectId: content.id,
        payload: { flaggerId: viewer.accountId, contentKind: input.contentKind, reason: input.reason, authorId: content.authorId },
      });
      await enqueue(manager, this.events, { communityId: content.communityId, contentKind: input.contentKind, contentId: content.id, authorId: content.authorId, source: QueueSource.Flags, decisionId: null }, now);
      const [{ n }]: Array<{ n: number }> = await manager.query('SELECT count(DISTINCT flagger_id)::int AS n FROM content_flags WHERE content_id = $1', [content.id]);
      const effective = await this.policies.effective(manager, content.communityId, access.audiences);
      const threshold = effective.compiled.source.settings?.flagsToAutoHide ?? null;
      let hidden = content.state !== ModerationState.Visible;
      if (!hidden && threshold !== null && n >= threshold) {
        await source.setState(manager, content.id, ModerationState.Hidden);
        hidden = true;
        await this.audit.record(manager, PLATFORM_ACTOR, {
          action: 'content.hide',
          targetKind: input.contentKind,
          targetId: content.id,
          communityId: content.communityId,
          before: { state: ModerationState.Visible },
          after: { state: ModerationState.Hidden, flags: n },
          reason: `${n} members flagged it (the policy hides at ${threshold}).`,
          policy: { policyId: effective.governing.id, version: effective.governing.activeVersion as number },
        });
        await this.notices.tell(manager, content.authorId, NoticeKind.ContentHidden, 'One of your posts was hidden after members flagged it; a moderator will review it.', {
          communityId: content.communityId,
          contentKind: input.contentKind,
          contentId: content.id,
        });
      }
      return { flagCount: n, hidden };
    });
  }
}
