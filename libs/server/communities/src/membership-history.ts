import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, DomainEvents, uuidv7, type Viewer } from '@commons/server-core';
import type { CommunityRole } from '@commons/shared-contracts';
import { MembershipEventEntity, type MembershipEventKind } from './entities/membership-event.entity';

export interface MembershipChange {
  communityId: string;
  accountId: string;
  kind: MembershipEventKind;
  role?: CommunityRole | null;
  previousRole?: CommunityRole | null;
  /** Who made the change: the member themselves, or a manager acting on them. */
  actor: Viewer;
  reason?: string | null;
}

/** A membership changed; payload `{ accountId, kind }` (a MembershipEventKind). */
export const MEMBERSHIP_CHANGED = 'community.membership.changed';

const AUDITED_ACTIONS: Record<MembershipEventKind, string> = {
  JOINED: 'member.add',
  ROLE_CHANGED: 'member.role',
  LEFT: 'member.leave',
  REMOVED: 'member.remove',
  BANNED: 'member.ban',
  UNBANNED: 'member.unban',
};

/**
 * Appends to the membership history in the caller's transaction; never rewrites it. A change
 * someone made to another person's membership (a manager adding, promoting, removing, banning)
 * is an administrative action and goes to the audit log too, in the same transaction.
 */
@Injectable()
export class MembershipHistory {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
  ) {}

  async record(manager: EntityManager, change: MembershipChange): Promise<void> {
    const now = this.clock.now();
    await manager.insert(MembershipEventEntity, {
      id: uuidv7(now.getTime()),
      communityId: change.communityId,
      accountId: change.accountId,
      kind: change.kind,
      role: change.role ?? null,
      previousRole: change.previousRole ?? null,
      actorId: change.actor.accountId,
      reason: change.reason ?? null,
      occurredAt: now,
    });
    // Analytics counts joins and leaves (a removal or ban is a leave).
    await this.events.record(manager, {
      type: MEMBERSHIP_CHANGED,
      communityId: change.communityId,
      subjectId: change.accountId,
      payload: { accountId: change.accountId, kind: change.kind },
    });
    if (change.actor.accountId === change.accountId) return;
    await this.audit.record(manager, auditActorOf(change.actor), {
      action: AUDITED_ACTIONS[change.kind],
      targetKind: 'account',
      targetId: change.accountId,
      communityId: change.communityId,
      before: change.previousRole ? { role: change.previousRole } : null,
      after: change.role ? { role: change.role } : null,
      reason: change.reason ?? null,
    });
  }
}
