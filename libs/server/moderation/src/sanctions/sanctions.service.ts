import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, ConflictError, DomainEvents, ForbiddenError, NotFoundError, uuidv7, ValidationError, type Viewer, type AuditActor } from '@commons/server-core';
import { SanctionKind } from '@commons/shared-contracts';
import { ModerationAccess } from '../access/moderation-access';
import { AuditLog } from '../audit/audit-log';
import { ModerationSanctionEntity } from '../entities/moderation-sanction.entity';
import { ModerationNotices, NoticeKind } from '../notices/moderation-notices';
import { People, toSanctionType } from '../review/people';
import type { ImposeSanctionInput } from '../dto/moderation.inputs';
import type { SanctionType } from '../dto/moderation.types';

const HOUR_MS = 3_600_000;

/**
 * Warnings, mutes (no posting in one community) and platform suspensions (admins). A mute is
 * read by the moderation gate on every write; a suspension sets the account's
 * `suspended_until`, which the session check reads on every request and WebSocket connection.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ModerationAccess,
    private readonly audit: AuditLog,
    private readonly notices: ModerationNotices,
    private readonly people: People,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async impose(viewer: Viewer, actor: AuditActor, input: ImposeSanctionInput): Promise<SanctionType> {
    if (input.accountId === viewer.accountId) throw new ForbiddenError('You cannot sanction yourself.');
    if (input.kind === SanctionKind.Suspend) {
      this.access.assertAdmin(viewer, 'Only platform admins suspend accounts.');
      if (input.communityId) throw ValidationError.field('communityId', 'A suspension is platform-wide: leave the community out.');
    } else {
      if (!input.communityId) throw ValidationError.field('communityId', 'Choose the community.');
      await this.access.moderatorOf(viewer, input.communityId);
    }
    if (input.kind !== SanctionKind.Warn && !input.durationHours) throw ValidationError.field('durationHours', 'Say how long it lasts.');
    const exists: unknown[] = await this.dataSource.query('SELECT 1 FROM accounts WHERE id = $1', [input.accountId]);
    if (exists.length === 0) throw new NotFoundError('The account');
    const now = this.clock.now();
    const sanction = Object.assign(new ModerationSanctionEntity(), {
      id: uuidv7(now.getTime()),
      accountId: input.accountId,
      communityId: input.kind === SanctionKind.Suspend ? null : (input.communityId ?? null),
      kind: input.kind,
      reason: input.reason,
      endsAt: input.kind === SanctionKind.Warn ? null : new Date(now.getTime() + (input.durationHours as number) * HOUR_MS),
      createdById: viewer.accountId,
      createdAt: now,
      revokedAt: null,
      revokedById: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ModerationSanctionEntity, sanction);
      if (sanction.kind === SanctionKind.Suspend) await this.syncSuspension(manager, sanction.accountId);
      await this.audit.record(manager, actor, {
        action: 'sanction.impose',
        targetKind: 'account',
        targetId: sanction.accountId,
        communityId: sanction.communityId,
        after: { sanctionId: sanction.id, kind: sanction.kind, endsAt: sanction.endsAt?.toISOString() ?? null },
        reason: sanction.reason,
      });
      // Open subscriptions of the sanctioned person hear of it (a suspension ends them, a mute stops their posting).
      await this.events.record(manager, {
        type: 'moderation.sanction.imposed',
        communityId: sanction.communityId,
        subjectId: sanction.accountId,
        payload: { sanctionId: sanction.id, kind: sanction.kind, endsAt: sanction.endsAt?.toISOString() ?? null },
      });
      const until = sanction.endsAt ? ` until ${sanction.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
      const what = sanction.kind === SanctionKind.Warn ? 'You received a warning' : sanction.kind === SanctionKind.Mute ? `You are muted in a community${until}` : `Your account is suspended${until}`;
      await this.notices.tell(manager, sanction.accountId, NoticeKind.Sanctioned, `${what}: ${sanction.reason}`, { communityId: sanction.communityId });
    });
    return this.one(sanction);
  }

  async revoke(viewer: Viewer, actor: AuditActor, id: string, reason: string): Promise<SanctionType> {
    const sanction = await this.dataSource.getRepository(ModerationSanctionEntity).findOne({ where: { id } });
    if (!sanction) throw new NotFoundError('The sanction');
    if (sanction.communityId) await this.access.moderatorOf(viewer, sanction.communityId);
    else this.access.assertAdmin(viewer);
    await this.dataSource.transaction((manager) => this.lift(manager, actor, sanction, reason, 'sanction.revoke'));
    return this.one(sanction);
  }

  /** Ends a sanction (a revocation, or an appeal overturning it) in the caller's transaction. */
  async lift(manager: EntityManager, actor: AuditActor, sanction: ModerationSanctionEntity, reason: string, action: string): Promise<void> {
    const now = this.clock.now();
    const result = await manager.query('UPDATE moderation_sanctions SET revoked_at = $2, revoked_by_id = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [sanction.id, now, actor.accountId]);
    if ((result as [unknown[], number])[1] === 0) throw new ConflictError('This sanction was already revoked.');
    sanction.revokedAt = now;
    sanction.revokedById = actor.accountId;
    if (sanction.kind === SanctionKind.Suspend) await this.syncSuspension(manager, sanction.accountId);
    await this.audit.record(manager, actor, {
      action,
      targetKind: 'account',
      targetId: sanction.accountId,
      communityId: sanction.communityId,
      before: { sanctionId: sanction.id, kind: sanction.kind, endsAt: sanction.endsAt?.toISOString() ?? null },
      after: { revoked: true },
      reason,
    });
    await this.events.record(manager, { type: 'moderation.sanction.lifted', communityId: sanction.communityId, subjectId: sanction.accountId, payload: { sanctionId: sanction.id, kind: sanction.kind } });
    await this.notices.tell(manager, sanction.accountId, NoticeKind.SanctionLifted, `A ${sanction.kind.toLowerCase()} on your account was lifted: ${reason}`, { communityId: sanction.communityId });
  }

  async list(viewer: Viewer, filter: { communityId?: string | null; accountId?: string | null; activeOnly: boolean }): Promise<SanctionType[]> {
    if (filter.communityId) await this.access.moderatorOf(viewer, filter.communityId);
    else this.access.assertAdmin(viewer, 'Choose a community: platform-wide sanctions are for platform admins.');
    const now = this.clock.now();
    const query = this.dataSource.getRepository(ModerationSanctionEntity).createQueryBuilder('s').where('TRUE');
    if (filter.communityId) query.andWhere('s.community_id = :communityId', { communityId: filter.communityId });
    if (filter.accountId) query.andWhere('s.account_id = :accountId', { accountId: filter.accountId });
    if (filter.activeOnly) query.andWhere(`s.revoked_at IS NULL AND s.kind <> 'WARN' AND s.ends_at > :now`, { now });
    const rows = await query.orderBy('s.created_at', 'DESC').limit(200).getMany();
    const names = await this.people.names(this.dataSource.manager, rows.flatMap((s) => [s.accountId, s.createdById]));
    return rows.map((s) => toSanctionType(s, names, now));
  }

  /** The account's suspension ends with its longest active SUSPEND sanction (none: not suspended). */
  private async syncSuspension(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(
      `UPDATE accounts SET suspended_until = (SELECT max(ends_at) FROM moderation_sanctions WHERE account_id = $1 AND kind = 'SUSPEND' AND revoked_at IS NULL AND ends_at > $2) WHERE id = $1`,
      [accountId, this.clock.now()],
    );
  }

  private async one(s: ModerationSanctionEntity): Promise<SanctionType> {
    return toSanctionType(s, await this.people.names(this.dataSource.manager, [s.accountId, s.createdById]), this.clock.now());
  }
}
