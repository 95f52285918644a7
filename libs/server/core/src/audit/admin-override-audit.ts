import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdminOverride } from '../authorization/authorization.service';
import type { Viewer } from '../context/viewer';
import { AuditTrail, auditActorOf, type AuditActor, type AuditRecord } from './audit-trail';

/** Distinct (action, community) pairs remembered for one request; past this, an override may be recorded twice. */
const PAIRS_PER_REQUEST = 256;
/** Entries waiting to be written; past this (the database is down or far behind), overrides reach only the application log. */
const MAX_PENDING = 1_000;

interface PendingEntry {
  actor: AuditActor;
  checked: string;
  record: AuditRecord;
}

/** The community an override concerned, when the resource names one (a loaded community, or content in one). */
function communityOf(resource: unknown): string | null {
  if (typeof resource !== 'object' || resource === null) return null;
  const { access, communityId } = resource as { access?: { communityId?: unknown }; communityId?: unknown };
  if (typeof access?.communityId === 'string') return access.communityId;
  return typeof communityId === 'string' ? communityId : null;
}

/**
 * Puts an admin acting beyond the ordinary rules in the audit log as `admin.override`: once per
 * request and (action checked, community), however many times the check runs in it.
 *
 * The authorization service reports an override synchronously, in the middle of the caller's flow
 * and maybe of its transaction, which it has no handle on. So the entry is queued and written
 * after the fact in a short transaction of its own, one entry at a time; a failed write is logged,
 * never thrown at the request. Memory stays bounded: requests are told apart by their viewer
 * object (one per request and per WebSocket operation, dropped with it), not by the request id a
 * client may choose and repeat, and the queue has a ceiling.
 */
@Injectable()
export class AdminOverrideAudit implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AdminOverride');
  private readonly seen = new WeakMap<Viewer, Set<string>>();
  private readonly pending: PendingEntry[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    // Provided by the database and moderation modules; without them overrides reach only the application log.
    @Optional() @Inject(DataSource) private readonly dataSource?: DataSource,
    @Optional() @Inject(AuditTrail) private readonly audit?: AuditTrail,
  ) {}

  /** The AuthorizationService listener: cheap and synchronous, never throws. */
  readonly note = ({ actor, action, resource }: AdminOverride): void => {
    const communityId = communityOf(resource);
    const pair = `${action}\u0000${communityId ?? ''}`;
    let pairs = this.seen.get(actor);
    if (!pairs) this.seen.set(actor, (pairs = new Set()));
    if (pairs.has(pair)) return;
    if (pairs.size < PAIRS_PER_REQUEST) pairs.add(pair);
    this.logger.log({ adminId: actor.accountId, requestId: actor.requestId, action, communityId }, 'An admin acted beyond the ordinary rules');
    if (!this.dataSource || !this.audit) return;
    if (this.pending.length >= MAX_PENDING) {
      this.logger.error({ adminId: actor.accountId, requestId: actor.requestId, action, communityId }, 'Admin override not written to the audit log: too many waiting');
      return;
    }
    this.pending.push({
      actor: auditActorOf(actor),
      checked: action,
      record: {
        action: 'admin.override',
        targetKind: communityId ? 'community' : 'platform',
        targetId: communityId,
        communityId,
        after: { action },
      },
    });
    this.drain();
  };

  /** Resolves once every override noted so far is written (or its failure logged). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Writes what is waiting before the database connection closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = this.writePending().finally(() => {
      this.draining = null;
      // Noted between the last write and this callback: start again.
      if (this.pending.length > 0) this.drain();
    });
  }

  private async writePending(): Promise<void> {
    // After the fact: let the request that reported the override carry on first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { dataSource, audit } = this;
    if (!dataSource || !audit) return;
    for (let entry = this.pending.shift(); entry; entry = this.pending.shift()) {
      const { actor, checked, record } = entry;
      try {
        await dataSource.transaction((manager) => audit.record(manager, actor, record));
      } catch (error) {
        this.logger.error({ err: error, adminId: actor.accountId, requestId: actor.requestId, action: checked, communityId: record.communityId }, 'Admin override not written to the audit log');
      }
    }
  }
}
