import type { EntityManager } from 'typeorm';
import type { Viewer } from '../context/viewer';

/** Who acted, for the record: a person (with the request they made) or the platform itself (account null). */
export interface AuditActor {
  accountId: string | null;
  requestId: string | null;
}

export const PLATFORM_ACTOR: AuditActor = { accountId: null, requestId: null };

/** The person behind a request, as the audit log names them. */
export function auditActorOf(viewer: Viewer): AuditActor {
  return { accountId: viewer.accountId, requestId: viewer.requestId ?? null };
}

/** One moderation or administrative action: what was done to which target, before and after, and why. */
export interface AuditRecord {
  action: string;
  targetKind: string;
  targetId: string | null;
  communityId: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
  policy?: { policyId: string; version: number } | null;
}

/**
 * The append-only audit log, as every domain writes to it: inside the transaction of the action
 * it records, so the two stand or fall together. Provided by the moderation module, which
 * also reads, filters and exports it.
 */
export abstract class AuditTrail {
  abstract record(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void>;
}
