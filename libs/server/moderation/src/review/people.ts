import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SanctionKind } from '@commons/shared-contracts';
import type { ModerationPersonType, SanctionType } from '../dto/moderation.types';
import type { ModerationSanctionEntity } from '../entities/moderation-sanction.entity';

/** Display names for the people moderation screens show, in one statement per page. */
@Injectable()
export class People {
  async names(manager: EntityManager, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await manager.query('SELECT id, display_name FROM accounts WHERE id = ANY($1)', [wanted]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  person(names: Map<string, string>, id: string): ModerationPersonType {
    return { id, displayName: names.get(id) ?? 'Someone' };
  }
}

export function toSanctionType(s: ModerationSanctionEntity, names: Map<string, string>, now: Date): SanctionType {
  return {
    id: s.id,
    account: { id: s.accountId, displayName: names.get(s.accountId) ?? 'Someone' },
    communityId: s.communityId,
    kind: s.kind,
    reason: s.reason,
    endsAt: s.endsAt,
    createdBy: { id: s.createdById, displayName: names.get(s.createdById) ?? 'Someone' },
    createdAt: s.createdAt,
    revokedAt: s.revokedAt,
    active: s.kind !== SanctionKind.Warn && s.revokedAt === null && s.endsAt !== null && s.endsAt > now,
  };
}
