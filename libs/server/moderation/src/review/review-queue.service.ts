import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, DomainEvents, ModeratedContentRegistry, NotFoundError, ValidationError, type ModeratedContentSummary, type Viewer, type AuditActor } from '@commons/server-core';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { ModerationState, QueueSource, QueueStatus, ReviewAction, type ContentKind } from '@commons/shared-contracts';
import { ModerationAccess } from '../access/moderation-access';
import { AuditLog } from '../audit/audit-log';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { ModerationQueueItemEntity } from '../entities/moderation-queue-item.entity';
import { ModerationSanctionEntity } from '../entities/moderation-sanction.entity';
import { ModerationNotices, NoticeKind } from '../notices/moderation-notices';
import type { AuthorHistoryType, QueueItemType } from '../dto/moderation.types';
import type { QueueArgs, ReviewItemInput } from '../dto/moderation.inputs';
import { People, toSanctionType } from './people';

const excerptOf = (s: ModeratedContentSummary | undefined) => (s ? (s.title ? `${s.title}: ` : '') + s.body.slice(0, 160) : '');

/**
 * The review queue: held and flagged posts, oldest first, and the one-shot decisions on them.
 * A decision is a conditional UPDATE of a PENDING item, so when two moderators act at once
 * exactly one wins and the other gets CONFLICT.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccess,
    private readonly registry: ModeratedContentRegistry,
    private readonly audit: AuditLog,
    private readonly notices: ModerationNotices,
    private readonly people: People,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async page(viewer: Viewer, args: QueueArgs) {
    if (args.communityId) await this.access.moderatorOf(viewer, args.communityId);
    else this.access.assertAdmin(viewer, 'The platform-wide queue is for platform admins; choose a community.');
    const after = decodeCursor(args.after);
    const query = this.dataSource.getRepository(ModerationQueueItemEntity).createQueryBuilder('q').where('q.status = :status', { status: args.status });
    if (args.communityId) query.andWhere('q.community_id = :communityId', { communityId: args.communityId });
    if (args.source) query.andWhere('q.source = :source', { source: args.source });
    if (args.escalated !== null && args.escalated !== undefined) query.andWhere('q.escalated = :escalated', { escalated: args.escalated });
    const totalCount = await query.clone().getCount();
    if (after) query.andWhere('(q.created_at, q.id) > (:afterAt, :afterId)', { afterAt: new Date(Number(after[0])), afterId: after[1] });
    const rows = await query.orderBy('q.created_at', 'ASC').addOrderBy('q.id', 'ASC').limit(args.first + 1).getMany();
    const page = toConnection(rows, args.first, (q) => [q.createdAt.getTime(), q.id], after !== undefined);
    const items = await this.hydrate(this.dataSource.manager, page.edges.map((e) => e.node));
    return { ...page, totalCount, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: items[i] })) };
  }

  /** One item with the author's moderation history. */
  async item(viewer: Viewer, id: string): Promise<QueueItemType> {
    const row = await this.dataSource.getRepository(ModerationQueueItemEntity).findOne({ where: { id } });
    if (!row) throw new NotFoundError('The queue item');
    await this.access.moderatorOf(viewer, row.communityId);
    const [item] = await this.hydrate(this.dataSource.manager, [row]);
    item.authorHistory = await this.authorHistory(row.authorId, row.communityId);
    return item;
  }

  async review(viewer: Viewer, actor: AuditActor, input: ReviewItemInput): Promise<QueueItemType> {
    const row = await this.dataSource.getRepository(ModerationQueueItemEntity).findOne({ where: { id: input.itemId } });
    if (!row) throw new NotFoundError('The queue item');
    await this.access.moderatorOf(viewer, row.communityId);
    if (input.action === ReviewAction.Reject && !input.reason) throw ValidationError.field('reason', 'Give the author a reason for rejecting their post.');
    if (input.editedBody && input.action !== ReviewAction.Approve) throw ValidationError.field('editedBody', 'Only an approval can carry an edit.');
    const decided = await this.dataSource.transaction((manager) => this.decide(manager, viewer, actor, row, input));
    const [item] = await this.hydrate(this.dataSource.manager, [decided]);
    return item;
  }

  /** Decides each item on its own; items someone else decided first are reported, not failed. */
  async reviewMany(viewer: Viewer, actor: AuditActor, ids: string[], action: ReviewAction, reason: string) {
    const reviewed: QueueItemType[] = [];
    const conflicts: string[] = [];
    for (const itemId of [...new Set(ids)]) {
      try {
        reviewed.push(await this.review(viewer, actor, { itemId, action, reason, editedBody: null }));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        conflicts.push(itemId);
      }
    }
    return { reviewed, conflicts };
  }

  /** Pending items of a community, for its moderation summary. */
  async pendingCount(communityId: string): Promise<number> {
    return this.dataSource.getRepository(ModerationQueueItemEntity).count({ where: { communityId, status: QueueStatus.Pending } });
  }

  private async decide(manager: EntityManager, viewer: Viewer, actor: AuditActor, row: ModerationQueueItemEntity, input: ReviewItemInput): Promise<ModerationQueueItemEntity> {
    const now = this.clock.now();
    if (input.action === ReviewAction.Escalate) {
      const result = await manager.query(`UPDATE moderation_queue_items SET escalated = true WHERE id = $1 AND status = 'PENDING' AND NOT escalated RETURNING id`, [row.id]);
      if ((result as [unknown[], number])[1] === 0) throw new ConflictError('This item was already decided or escalated.');
      await this.audit.record(manager, actor, { action: 'queue.escalate', targetKind: row.contentKind, targetId: row.contentId, communityId: row.communityId, reason: input.reason || null });
      await this.events.record(manager, { type: 'moderation.queue.escalated', communityId: row.communityId, subjectId: row.contentId, payload: { itemId: row.id, contentKind: row.contentKind } });
      return { ...row, escalated: true };
    }
    const status = input.action === ReviewAction.Approve ? QueueStatus.Approved : QueueStatus.Rejected;
    const result = await manager.query(
      `UPDATE moderation_queue_items SET status = $2, decided_by_id = $3, decided_at = $4, decision_reason = $5 WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [row.id, status, viewer.accountId, now, input.reason || null],
    );
    if ((result as [unknown[], number])[1] === 0) throw new ConflictError('Someone already decided this item.');
    await this.events.record(manager, { type: 'moderation.queue.left', communityId: row.communityId, subjectId: row.contentId, payload: { itemId: row.id, contentKind: row.contentKind, status } });
    const source = this.registry.get(row.contentKind);
    const [content] = await source.summaries(manager, [row.contentId]);
    const before = content?.state ?? null;
    const creation = row.decisionId ? !(await manager.findOne(ModerationDecisionEntity, { where: { id: row.decisionId } }))?.isEdit : false;
    const state = status === QueueStatus.Approved ? ModerationState.Visible : ModerationState.Rejected;
    await source.setState(manager, row.contentId, state, {
      body: input.editedBody ?? undefined,
      // A post held when written appears now; a flagged or edited one was counted already.
      firstAppearance: status === QueueStatus.Approved && row.source === QueueSource.Policy && creation === true && before !== ModerationState.Visible,
      editorId: viewer.accountId,
    });
    await this.audit.record(manager, actor, {
      action: status === QueueStatus.Approved ? (input.editedBody ? 'queue.edit-and-approve' : 'queue.approve') : 'queue.reject',
      targetKind: row.contentKind,
      targetId: row.contentId,
      communityId: row.communityId,
      before: { state: before, ...(input.editedBody ? { body: content?.body } : {}) },
      after: { state, ...(input.editedBody ? { body: input.editedBody } : {}) },
      reason: input.reason || null,
    });
    const what = row.contentKind === 'blog-post' ? 'blog post' : row.contentKind === 'blog-comment' ? 'comment' : row.contentKind === 'forum-thread' ? 'thread' : 'reply';
    await this.notices.tell(
      manager,
      row.authorId,
      status === QueueStatus.Approved ? NoticeKind.ContentApproved : NoticeKind.ContentRejected,
      status === QueueStatus.Approved
        ? `Your ${what} "${excerptOf(content).slice(0, 60)}" was approved${input.editedBody ? ' with edits' : ''} and is now visible.`
        : `Your ${what} "${excerptOf(content).slice(0, 60)}" was rejected: ${input.reason}`,
      { communityId: row.communityId, contentKind: row.contentKind, contentId: row.contentId },
    );
    return { ...row, status, decidedById: viewer.accountId, decidedAt: now, decisionReason: input.reason || null };
  }

  /** Items with their content, decisions, flags and names: one statement per kind of content, plus three. */
  async hydrate(manager: EntityManager, rows: ModerationQueueItemEntity[]): Promise<QueueItemType[]> {
    if (rows.length === 0) return [];
    const byKind = new Map<ContentKind, string[]>();
    for (const r of rows) byKind.set(r.contentKind, [...(byKind.get(r.contentKind) ?? []), r.contentId]);
    const contents = new Map<string, ModeratedContentSummary>();
    for (const [kind, ids] of byKind) for (const s of await this.registry.get(kind).summaries(manager, ids)) contents.set(s.id, s);
    const decisionIds = rows.map((r) => r.decisionId).filter((d): d is string => d !== null);
    const decisions = new Map(
      (decisionIds.length ? await manager.getRepository(ModerationDecisionEntity).createQueryBuilder('d').where('d.id = ANY(:ids)', { ids: decisionIds }).getMany() : []).map((d) => [d.id, d]),
    );
    const flags: Array<{ content_id: string; reason: string; detail: string; flagger_id: string; created_at: Date }> = await manager.query(
      `SELECT content_id, reason, detail, flagger_id, created_at FROM content_flags WHERE content_id = ANY($1) ORDER BY created_at`,
      [rows.map((r) => r.contentId)],
    );
    const communities: Array<{ id: string; name: string; slug: string }> = await manager.query('SELECT id, name, slug FROM communities WHERE id = ANY($1)', [[...new Set(rows.map((r) => r.communityId))]]);
    const names = await this.people.names(manager, [...rows.flatMap((r) => [r.authorId, r.decidedById]), ...flags.map((f) => f.flagger_id)]);
    const community = new Map(communities.map((c) => [c.id, c]));
    return rows.map((r): QueueItemType => {
      const content = contents.get(r.contentId);
      const decision = r.decisionId ? decisions.get(r.decisionId) : undefined;
      return {
        id: r.id,
        communityId: r.communityId,
        communityName: community.get(r.communityId)?.name ?? '',
        communitySlug: community.get(r.communityId)?.slug ?? '',
        contentKind: r.contentKind,
        contentId: r.contentId,
        parentId: content?.parentId ?? null,
        source: r.source,
        status: r.status,
        escalated: r.escalated,
        title: content?.title ?? null,
        body: content?.body ?? '',
        bodyHtml: content?.bodyHtml ?? '',
        contentState: content?.state ?? ModerationState.Visible,
        contentDeleted: content?.deleted ?? true,
        author: this.people.person(names, r.authorId),
        decision: decision
          ? { id: decision.id, action: decision.action, ruleId: decision.ruleId, reason: decision.reason, matched: decision.matched, policyId: decision.policyId, policyVersion: decision.policyVersion, createdAt: decision.createdAt }
          : null,
        flags: flags
          .filter((f) => f.content_id === r.contentId)
          .map((f) => ({ reason: f.reason as QueueItemType['flags'][number]['reason'], detail: f.detail, flagger: this.people.person(names, f.flagger_id), createdAt: f.created_at })),
        authorHistory: null,
        createdAt: r.createdAt,
        decidedBy: r.decidedById ? this.people.person(names, r.decidedById) : null,
        decidedAt: r.decidedAt,
        decisionReason: r.decisionReason,
      };
    });
  }

  private async authorHistory(authorId: string, communityId: string): Promise<AuthorHistoryType> {
    const [counts]: Array<{ held: number; rejected: number; rejected_on_review: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM moderation_decisions WHERE author_id = $1 AND community_id = $2 AND action = 'HOLD') AS held,
              (SELECT count(*)::int FROM moderation_decisions WHERE author_id = $1 AND community_id = $2 AND action = 'REJECT') AS rejected,
              (SELECT count(*)::int FROM moderation_queue_items WHERE author_id = $1 AND community_id = $2 AND status = 'REJECTED') AS rejected_on_review`,
      [authorId, communityId],
    );
    const sanctions = await this.dataSource
      .getRepository(ModerationSanctionEntity)
      .createQueryBuilder('s')
      .where('s.account_id = :authorId AND (s.community_id = :communityId OR s.community_id IS NULL)', { authorId, communityId })
      .orderBy('s.created_at', 'DESC')
      .limit(50)
      .getMany();
    const names = await this.people.names(this.dataSource.manager, sanctions.flatMap((s) => [s.accountId, s.createdById]));
    const now = this.clock.now();
    return { held: counts.held, rejected: counts.rejected, rejectedOnReview: counts.rejected_on_review, sanctions: sanctions.map((s) => toSanctionType(s, names, now)) };
  }
}
