import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { APP_CONFIG, Clock, DomainEvents, uuidv7, type AppConfig, type Viewer } from '@commons/server-core';
import type { Audience, PlatformRole } from '@commons/shared-contracts';
import { SessionEntity } from './entities/session.entity';
import { SecretTokens } from './secret-token';

/** Why a session ended; kept on the row for the account's security history. */
export type SessionEndReason = 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'SUSPENDED' | 'REVOKED';

export interface SessionMeta {
  userAgent?: string | null;
  address?: string | null;
}

/** Identity's events for analytics (the session-ended ones are realtime's and spelled where recorded). */
export const IdentityEvent = {
  /** Someone signed in; subjectId: the account. */
  SignedIn: 'identity.session.started',
  /** A session was used on a new day; subjectId: the account. */
  Present: 'identity.account.present',
} as const;

/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

@Injectable()
export class SessionsService {
  private readonly organisationDay: Intl.DateTimeFormat;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tokens: SecretTokens,
    private readonly events: DomainEvents,
  ) {
    this.organisationDay = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Opens a session inside the caller's transaction; the token goes into the cookie only. */
  async start(manager: EntityManager, accountId: string, meta: SessionMeta): Promise<{ token: string; sessionId: string }> {
    const now = this.clock.now();
    const token = this.tokens.generate();
    const session = manager.create(SessionEntity, {
      id: uuidv7(now.getTime()),
      accountId,
      tokenHash: this.tokens.hash(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.sessionTtlDays * 86_400_000),
      revokedAt: null,
      revokedReason: null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      address: meta.address ?? null,
    });
    await manager.insert(SessionEntity, session);
    await this.events.record(manager, { type: IdentityEvent.SignedIn, communityId: null, subjectId: accountId, payload: { sessionId: session.id } });
    return { token, sessionId: session.id };
  }

  /**
   * The viewer a token stands for, or null when it is unknown, expired, revoked,
   * or its account is suspended. One indexed query per request, so revocation
   * takes effect on the very next request.
   */
  async resolve(token: string | undefined): Promise<Viewer | null> {
    if (!this.tokens.isWellFormed(token)) return null;
    const now = this.clock.now();
    const rows: Array<{ id: string; account_id: string; role: PlatformRole; audience: Audience; last_seen_at: Date }> = await this.dataSource.query(
      `SELECT s.id, s.account_id, a.role, a.audience, s.last_seen_at
         FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.suspended_at IS NULL
          AND (a.suspended_until IS NULL OR a.suspended_until <= $2)`,
      [this.tokens.hash(token), now],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      // Best effort: a lost touch only makes "last seen" a little older.
      void this.touch(row.id, row.account_id, row.last_seen_at, now).catch(() => undefined);
    }
    return { sessionId: row.id, accountId: row.account_id, role: row.role, audience: row.audience };
  }

  /**
   * Refreshes last_seen_at; the first touch of a new day (in the organisation's time zone) also
   * tells analytics the person was present that day, so a session kept open for weeks still
   * counts its days.
   */
  private async touch(sessionId: string, accountId: string, lastSeenAt: Date, now: Date): Promise<void> {
    if (this.organisationDay.format(lastSeenAt) === this.organisationDay.format(now)) {
      await this.dataSource.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [sessionId, now]);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      // Only the touch that crosses into the day moves last_seen_at past its midnight: a request
      // racing it (or another instance) finds nothing to update and records nothing.
      const touched: unknown[] = await manager.query(
        `WITH touched AS (
           UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < (date_trunc('day', $2::timestamptz AT TIME ZONE $3) AT TIME ZONE $3) RETURNING id)
         SELECT id FROM touched`,
        [sessionId, now, this.config.timeZone],
      );
      if (touched.length > 0) await this.events.record(manager, { type: IdentityEvent.Present, communityId: null, subjectId: accountId, payload: { sessionId } });
    });
  }

  /** Which of these sessions may still be used, by the same test as `resolve`. */
  async stillValid(sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const now = this.clock.now();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.suspended_at IS NULL
          AND (a.suspended_until IS NULL OR a.suspended_until <= $2)`,
      [[...new Set(sessionIds)], now],
    );
    return new Set(rows.map((r) => r.id));
  }

  async end(manager: EntityManager, sessionId: string, reason: SessionEndReason): Promise<void> {
    const result = await manager.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason });
    if (result.affected) await this.events.record(manager, { type: 'identity.session.ended', communityId: null, subjectId: sessionId, payload: { reason } });
  }

  /** Ends every open session of an account, optionally keeping the one making the change. */
  async endAllForAccount(manager: EntityManager, accountId: string, reason: SessionEndReason, keepSessionId?: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where('account_id = :accountId AND revoked_at IS NULL', { accountId })
      .andWhere(keepSessionId ? 'id <> :keepSessionId' : 'TRUE', { keepSessionId })
      .execute();
    // Open WebSocket connections of the ended sessions are closed once this commits.
    if (result.affected) await this.events.record(manager, { type: 'identity.sessions.ended', communityId: null, subjectId: accountId, payload: { reason, keepSessionId: keepSessionId ?? null } });
    return result.affected ?? 0;
  }
}
