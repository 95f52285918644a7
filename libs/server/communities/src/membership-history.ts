import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, uuidv7 } from '@commons/server-core';
import type { CommunityRole } from '@commons/shared-contracts';
import { MembershipEventEntity, type MembershipEventKind } from './entities/membership-event.entity';

export interface MembershipChange {
  communityId: string;
  accountId: string;
  kind: MembershipEventKind;
  role?: CommunityRole | null;
  previousRole?: CommunityRole | null;
  actorId: string;
  reason?: string | null;
}

/** Appends to the membership history in the caller's transaction; never rewrites it. */
@Injectable()
export class MembershipHistory {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, change: MembershipChange): Promise<void> {
    const now = this.clock.now();
    await manager.insert(MembershipEventEntity, {
      id: uuidv7(now.getTime()),
      communityId: change.communityId,
      accountId: change.accountId,
      kind: change.kind,
      role: change.role ?? null,
      previousRole: change.previousRole ?? null,
      actorId: change.actorId,
      reason: change.reason ?? null,
      occurredAt: now,
    });
  }
}
