import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, DomainEvents, ForbiddenError, ModeratedContentRegistry, NotFoundError, uuidv7, type RejectedAttempt, type Viewer, type AuditActor } from '@commons/server-core';
import { AppealStatus, AppealTarget, ModerationState, QueueStatus } from '@commons/shared-contracts';
import { ModerationAccess } from '../access/moderation-access';
import { AuditLog } from '../audit/audit-log';
import { ModerationAppealEntity } from '../entities/moderation-appeal.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { ModerationQueueItemEntity } from '../entities/moderation-queue-item.entity';
import { ModerationSanctionEntity } from '../entities/moderation-sanction.entity';
import { ModerationNotices, NoticeKind } from '../notices/moderation-notices';
import { People } from '../review/people';
import { SanctionsService } from '../sanctions/sanctions.service';
import type { AppealInput, DecideAppealInput } from '../dto/moderation.inputs';
import type { AppealType } from '../dto/moderation.types';

/** What an appeal is about, as found for its author. */
interface Subject {
  communityId: string | null;
  originalDeciderId: string | null;
  storedTargetId: string;
}

/**
 * One appeal per rejection, hold or sanction, with a message. Another moderator than the one
 * who decided judges it (where the community has more than one); overturning publishes the
 * post or lifts the sanction, and the author is told the reason either way.
 */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccess,
    private readonly registry: ModeratedContentRegistry,
    private readonly sanctions: SanctionsService,
    private readonly audit: AuditLog,
    private readonly notices: ModerationNotices,
    private readonly people: People,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async appeal(viewer: Viewer, actor: AuditActor, input: AppealInput): Promise<AppealType> {
    const subject = await this.subject(viewer, input);
    const now = this.clock.now();
    const appeal = Object.assign(new ModerationAppealEntity(), {
      id: uuidv7(now.getTime()),
      targetKind: input.targetKind,
      targetId: subject.storedTargetId,
      communityId: subject.communityId,
      appellantId: viewer.accountId,
      message: input.message,
      originalDeciderId: subject.originalDeciderId,
      status: AppealStatus.Pending,
      decidedById: null,
      decisionReason: null,
      decidedAt: null,
      createdAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.createQueryBuilder().insert().into(ModerationAppealEntity).values(appeal).orIgnore().returning('id').execute();
      if ((inserted.raw as unknown[]).length === 0) throw new ConflictError('You already appealed this decision; each decision can be appealed once.');
      await this.audit.record(manager, actor, { action: 'appeal.submit', targetKind: input.targetKind.toLowerCase(), targetId: subject.storedTargetId, communityId: subject.communityId, reason: input.message });
      await this.events.record(manager, { type: 'moderation.appeal.submitted', communityId: subject.communityId, subjectId: appeal.id, payload: { targetKind: input.targetKind, appellantId: viewer.accountId } });
    });
    return (await this.toTypes([appeal]))[0];
  }

  async list(viewer: Viewer, communityId: string | null | undefined, status: AppealStatus): Promise<AppealType[]> {
    if (communityId) await this.access.moderatorOf(viewer, communityId);
    else this.access.assertAdmin(viewer, 'Choose a community: platform appeals are for platform admins.');
    const query = this.dataSource.getRepository(ModerationAppealEntity).createQueryBuilder('a').where('a.status = :status', { status });
    query.andWhere(communityId ? 'a.community_id = :communityId' : 'a.community_id IS NULL', { communityId });
    return this.toTypes(await query.orderBy('a.created_at', 'ASC').limit(200).getMany());
  }

  async mine(viewer: Viewer): Promise<AppealType[]> {
    return this.toTypes(await this.dataSource.getRepository(ModerationAppealEntity).find({ where: { appellantId: viewer.accountId }, order: { createdAt: 'DESC' }, take: 100 }));
  }

  async decide(viewer: Viewer, actor: AuditActor, input: DecideAppealInput): Promise<AppealType> {
    const appeal = await this.dataSource.getRepository(ModerationAppealEntity).findOne({ where: { id: input.appealId } });
    if (!appeal) throw new NotFoundError('The appeal');
    if (appeal.communityId) await this.access.moderatorOf(viewer, appeal.communityId);
    else this.access.assertAdmin(viewer);
    if (appeal.originalDeciderId === viewer.accountId && (await this.otherDeciders(appeal.communityId, viewer.accountId)) > 0) {
      throw new ForbiddenError('You made the decision under appeal: another moderator decides the appeal.');
    }
    const now = this.clock.now();
    const status = input.overturn ? AppealStatus.Overturned : AppealStatus.Upheld;
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.query(
        `UPDATE moderation_appeals SET status = $2, decided_by_id = $3, decision_reason = $4, decided_at = $5 WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [appeal.id, status, viewer.accountId, input.reason, now],
      );
      if ((result as [unknown[], number])[1] === 0) throw new ConflictError('Someone already decided this appeal.');
      let outcome = '';
      if (input.overturn) outcome = await this.overturn(manager, viewer, actor, appeal, input.reason);
      await this.audit.record(manager, actor, {
        action: input.overturn ? 'appeal.overturn' : 'appeal.uphold',
        targetKind: appeal.targetKind.toLowerCase(),
        targetId: appeal.targetId,
        communityId: appeal.communityId,
        before: { status: AppealStatus.Pending },
        after: { status, appealId: appeal.id },
        reason: input.reason,
      });
      await this.events.record(manager, { type: 'moderation.appeal.decided', communityId: appeal.communityId, subjectId: appeal.id, payload: { status, appellantId: appeal.appellantId } });
      await this.notices.tell(
        manager,
        appeal.appellantId,
        NoticeKind.AppealDecided,
        input.overturn ? `Your appeal was accepted${outcome}: ${input.reason}` : `Your appeal was declined: ${input.reason}`,
        { communityId: appeal.communityId },
      );
    });
    Object.assign(appeal, { status, decidedById: viewer.accountId, decisionReason: input.reason, decidedAt: now });
    return (await this.toTypes([appeal]))[0];
  }

  /** Reverses what was appealed; returns how, for the author's notice. */
  private async overturn(manager: EntityManager, viewer: Viewer, actor: AuditActor, appeal: ModerationAppealEntity, reason: string): Promise<string> {
    switch (appeal.targetKind) {
      case AppealTarget.Decision: {
        const decision = await manager.findOne(ModerationDecisionEntity, { where: { id: appeal.targetId } });
        const restore = decision ? this.registry.get(decision.contentKind).restore : undefined;
        if (!decision?.attempt || !restore) return ' (post it again: it could not be published for you)';
        const published = await restore(manager, decision.attempt as unknown as RejectedAttempt);
        return published ? ' and your post is now published' : ' (its thread or post is gone, so it could not be published)';
      }
      case AppealTarget.QueueItem: {
        const item = await manager.findOne(ModerationQueueItemEntity, { where: { id: appeal.targetId }, lock: { mode: 'pessimistic_write' } });
        if (!item) return '';
        const decision = item.decisionId ? await manager.findOne(ModerationDecisionEntity, { where: { id: item.decisionId } }) : null;
        const source = this.registry.get(item.contentKind);
        const [content] = await source.summaries(manager, [item.contentId]);
        if (!content || content.deleted) return '';
        const wasVisible = content.state === ModerationState.Visible;
        await source.setState(manager, item.contentId, ModerationState.Visible, { firstAppearance: !wasVisible && decision !== null && !decision.isEdit });
        if (item.status === QueueStatus.Pending) {
          await manager.update(ModerationQueueItemEntity, item.id, { status: QueueStatus.Approved, decidedById: viewer.accountId, decidedAt: this.clock.now(), decisionReason: reason });
          await this.events.record(manager, { type: 'moderation.queue.left', communityId: item.communityId, subjectId: item.contentId, payload: { itemId: item.id, contentKind: item.contentKind, status: QueueStatus.Approved } });
        }
        return ' and your post is now visible';
      }
      case AppealTarget.Sanction: {
        const sanction = await manager.findOne(ModerationSanctionEntity, { where: { id: appeal.targetId } });
        if (sanction && !sanction.revokedAt) await this.sanctions.lift(manager, actor, sanction, reason, 'sanction.overturn');
        return ' and the sanction is lifted';
      }
    }
  }

  /** The appealed decision, found only among the viewer's own (NOT_FOUND otherwise). */
  private async subject(viewer: Viewer, input: AppealInput): Promise<Subject> {
    switch (input.targetKind) {
      case AppealTarget.Decision: {
        const decision = await this.dataSource.getRepository(ModerationDecisionEntity).findOne({ where: { id: input.targetId } });
        if (!decision || decision.authorId !== viewer.accountId || decision.action !== 'REJECT') throw new NotFoundError('The rejected post');
        return { communityId: decision.communityId, originalDeciderId: null, storedTargetId: decision.id };
      }
      case AppealTarget.QueueItem: {
        // The client knows the post; its latest queue item is what is appealed.
        const item = await this.dataSource
          .getRepository(ModerationQueueItemEntity)
          .createQueryBuilder('q')
          .where('(q.content_id = :id OR q.id = :id) AND q.author_id = :author', { id: input.targetId, author: viewer.accountId })
          .orderBy('q.created_at', 'DESC')
          .getOne();
        if (!item || item.status === QueueStatus.Approved) throw new NotFoundError('The held or rejected post');
        return { communityId: item.communityId, originalDeciderId: item.decidedById, storedTargetId: item.id };
      }
      case AppealTarget.Sanction: {
        const sanction = await this.dataSource.getRepository(ModerationSanctionEntity).findOne({ where: { id: input.targetId } });
        if (!sanction || sanction.accountId !== viewer.accountId) throw new NotFoundError('The sanction');
        return { communityId: sanction.communityId, originalDeciderId: sanction.createdById, storedTargetId: sanction.id };
      }
    }
  }

  /** Moderators and managers of the community other than `accountId` (for a platform appeal: other admins). */
  private async otherDeciders(communityId: string | null, accountId: string): Promise<number> {
    const rows: Array<{ n: number }> = communityId
      ? await this.dataSource.query(
          `SELECT count(*)::int AS n FROM community_memberships WHERE community_id = $1 AND account_id <> $2 AND role IN ('MANAGER', 'MODERATOR')`,
          [communityId, accountId],
        )
      : await this.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE role = 'ADMIN' AND id <> $1`, [accountId]);
    return rows[0].n;
  }

  private async toTypes(rows: ModerationAppealEntity[]): Promise<AppealType[]> {
    if (rows.length === 0) return [];
    const manager = this.dataSource.manager;
    const names = await this.people.names(manager, rows.flatMap((a) => [a.appellantId, a.originalDeciderId, a.decidedById]));
    const byKind = (kind: AppealTarget) => rows.filter((a) => a.targetKind === kind).map((a) => a.targetId);
    const decisions = new Map((await manager.getRepository(ModerationDecisionEntity).createQueryBuilder('d').where('d.id = ANY(:ids)', { ids: byKind(AppealTarget.Decision) }).getMany()).map((d) => [d.id, d]));
    const items = new Map((await manager.getRepository(ModerationQueueItemEntity).createQueryBuilder('q').where('q.id = ANY(:ids)', { ids: byKind(AppealTarget.QueueItem) }).getMany()).map((q) => [q.id, q]));
    const sanctions = new Map((await manager.getRepository(ModerationSanctionEntity).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: byKind(AppealTarget.Sanction) }).getMany()).map((s) => [s.id, s]));
    const contents = new Map<string, string>();
    for (const item of items.values()) {
      const [c] = await this.registry.get(item.contentKind).summaries(manager, [item.contentId]);
      if (c) contents.set(item.id, (c.title ? `${c.title}: ` : '') + c.body.slice(0, 280));
    }
    return rows.map((a): AppealType => {
      let subject = '';
      let excerpt = '';
      if (a.targetKind === AppealTarget.Decision) {
        const d = decisions.get(a.targetId);
        subject = `Rejected by the policy (rule ${d?.ruleId ?? '?'}): ${d?.reason ?? ''}`;
        const attempt = d?.attempt as { title?: string | null; body?: string } | null | undefined;
        excerpt = attempt ? (attempt.title ? `${attempt.title}: ` : '') + (attempt.body ?? '').slice(0, 280) : '';
      } else if (a.targetKind === AppealTarget.QueueItem) {
        const q = items.get(a.targetId);
        subject = q?.status === QueueStatus.Rejected ? `Rejected on review: ${q.decisionReason ?? ''}` : 'Held for review';
        excerpt = contents.get(a.targetId) ?? '';
      } else {
        const s = sanctions.get(a.targetId);
        subject = s ? `${s.kind}${s.endsAt ? ` until ${s.endsAt.toISOString().slice(0, 10)}` : ''}: ${s.reason}` : 'Sanction';
      }
      const person = (id: string | null) => (id ? this.people.person(names, id) : null);
      return {
        id: a.id,
        targetKind: a.targetKind,
        targetId: a.targetId,
        communityId: a.communityId,
        appellant: this.people.person(names, a.appellantId),
        message: a.message,
        subject,
        excerpt,
        status: a.status,
        originalDecider: person(a.originalDeciderId),
        decidedBy: person(a.decidedById),
        decisionReason: a.decisionReason,
        decidedAt: a.decidedAt,
        createdAt: a.createdAt,
      };
    });
  }
}
