import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, Clock, uuidv7, type AuditActor, type AuditRecord } from '@commons/server-core';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { AuditLogEntryEntity } from '../entities/audit-log-entry.entity';
import { People } from '../review/people';

export interface AuditFilter {
  /** Null: every community and the platform's own actions (admins only; the caller checks). */
  communityIds: string[] | null;
  actorId?: string | null;
  action?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Most rows one CSV export carries; narrow the filter for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * The append-only audit log. Entries are written in the transaction of the action they record,
 * so an action and its record stand or fall together. Reading is newest first.
 */
@Injectable()
export class AuditLog extends AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly people: People,
  ) {
    super();
  }

  async record(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    const at = this.clock.now();
    await manager.insert(AuditLogEntryEntity, {
      id: uuidv7(at.getTime()),
      at,
      actorId: actor.accountId,
      action: record.action,
      targetKind: record.targetKind,
      targetId: record.targetId,
      communityId: record.communityId,
      before: record.before ?? null,
      after: record.after ?? null,
      reason: record.reason ?? null,
      policyId: record.policy?.policyId ?? null,
      policyVersion: record.policy?.version ?? null,
      requestId: actor.requestId,
    });
  }

  async page(filter: AuditFilter, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const query = this.filtered(filter);
    if (after) query.andWhere('(e.at, e.id) < (:afterAt, :afterId)', { afterAt: new Date(Number(after[0])), afterId: after[1] });
    const rows = await query.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').limit(args.first + 1).getMany();
    return toConnection(rows, args.first, (e) => [e.at.getTime(), e.id], after !== undefined);
  }

  /** The filtered log as CSV (RFC 4180), newest first, with actor names. */
  async csv(filter: AuditFilter): Promise<string> {
    const rows = await this.filtered(filter).orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').limit(AUDIT_EXPORT_MAX_ROWS).getMany();
    const names = await this.people.names(this.dataSource.manager, rows.map((r) => r.actorId));
    const header = ['time', 'actor_id', 'actor', 'action', 'target_kind', 'target_id', 'community_id', 'reason', 'policy_id', 'policy_version', 'before', 'after', 'request_id'];
    const lines = rows.map((r) =>
      [
        r.at.toISOString(),
        r.actorId ?? '',
        r.actorId ? (names.get(r.actorId) ?? '') : 'platform',
        r.action,
        r.targetKind,
        r.targetId ?? '',
        r.communityId ?? '',
        r.reason ?? '',
        r.policyId ?? '',
        r.policyVersion?.toString() ?? '',
        r.before ? JSON.stringify(r.before) : '',
        r.after ? JSON.stringify(r.after) : '',
        r.requestId ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }

  private filtered(filter: AuditFilter) {
    const query = this.dataSource.getRepository(AuditLogEntryEntity).createQueryBuilder('e');
    query.where('TRUE');
    if (filter.communityIds !== null) query.andWhere('e.community_id = ANY(:communityIds)', { communityIds: filter.communityIds });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('(e.action = :action OR e.action LIKE :actionPrefix)', { action: filter.action, actionPrefix: `${filter.action}.%` });
    if (filter.targetId) query.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    return query;
  }
}

/** A CSV cell; cells a spreadsheet would run as a formula are prefixed with a quote. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
