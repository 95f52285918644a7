import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainEvents, uuidv7, type Viewer } from '@commons/server-core';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { ModerationNoticeEntity } from '../entities/moderation-notice.entity';

export const NoticeKind = {
  ContentHeld: 'CONTENT_HELD',
  ContentApproved: 'CONTENT_APPROVED',
  ContentRejected: 'CONTENT_REJECTED',
  ContentHidden: 'CONTENT_HIDDEN',
  AppealDecided: 'APPEAL_DECIDED',
  Sanctioned: 'SANCTIONED',
  SanctionLifted: 'SANCTION_LIFTED',
} as const;

/** Telling people what moderation did about them, written in the action's transaction (the realtime issue pushes them). */
@Injectable()
export class ModerationNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async tell(
    manager: EntityManager,
    accountId: string,
    kind: string,
    message: string,
    about: { communityId?: string | null; contentKind?: string | null; contentId?: string | null } = {},
  ): Promise<void> {
    const now = this.clock.now();
    const id = uuidv7(now.getTime());
    await this.events.record(manager, { type: 'moderation.notice.created', communityId: about.communityId ?? null, subjectId: accountId, payload: { noticeId: id, kind } });
    await manager.insert(ModerationNoticeEntity, {
      id,
      accountId,
      kind,
      message,
      communityId: about.communityId ?? null,
      contentKind: about.contentKind ?? null,
      contentId: about.contentId ?? null,
      createdAt: now,
      readAt: null,
    });
  }

  async page(viewer: Viewer, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const query = this.dataSource.getRepository(ModerationNoticeEntity).createQueryBuilder('n').where('n.account_id = :id', { id: viewer.accountId });
    if (after) query.andWhere('(n.created_at, n.id) < (:at, :afterId)', { at: new Date(Number(after[0])), afterId: after[1] });
    const rows = await query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(args.first + 1).getMany();
    return toConnection(rows, args.first, (n) => [n.createdAt.getTime(), n.id], after !== undefined);
  }

  async markRead(viewer: Viewer): Promise<number> {
    const result = await this.dataSource.query('UPDATE moderation_notices SET read_at = $2 WHERE account_id = $1 AND read_at IS NULL', [viewer.accountId, this.clock.now()]);
    return (result as [unknown, number])[1] ?? 0;
  }
}
