import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, Clock, ForbiddenError, NotFoundError, PlatformAction, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { decodeTimeCursor, toConnection } from '@commons/server-graphql';
import { AGE_BANDS, type AgeBand } from './age-bands';

export const MIN_SLA_MINUTES = 5;
/** A week: past that, a question is a backlog to clear, not a response target. */
export const MAX_SLA_MINUTES = 10_080;

/** A question waits while it is open: not removed, no reply from anyone else, no accepted answer. */
export const OPEN_QUESTION = 'q.first_response_at IS NULL AND q.resolved_at IS NULL AND NOT q.removed';

export interface SupportSla {
  communityId: string;
  firstResponseMinutes: number;
  updatedAt: Date;
}

export interface UnansweredQuestion {
  id: string;
  title: string | null;
  askedAt: Date;
  ageMinutes: number;
  breached: boolean;
  alertedAt: Date | null;
}

export interface UnansweredAges {
  communityId: string;
  total: number;
  breached: number;
  firstResponseMinutes: number | null;
  bands: Array<{ band: AgeBand; label: string; count: number }>;
}

/**
 * A community's support target (the first-response SLA its managers set) and the questions
 * waiting for a first answer, oldest first, with their age and whether they breach it. Managers
 * of the community and the steering committee see them; only managers set the SLA. Titles are
 * shown only to those who may read the community's content.
 */
@Injectable()
export class SupportSlaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly clock: Clock,
  ) {}

  async sla(viewer: Viewer, communityId: string): Promise<SupportSla | null> {
    await this.assertReadable(viewer, communityId);
    return this.find(communityId);
  }

  async setSla(viewer: Viewer, communityId: string, firstResponseMinutes: number): Promise<SupportSla> {
    if (!Number.isInteger(firstResponseMinutes) || firstResponseMinutes < MIN_SLA_MINUTES || firstResponseMinutes > MAX_SLA_MINUTES) {
      throw ValidationError.field('firstResponseMinutes', `Choose between ${MIN_SLA_MINUTES} and ${MAX_SLA_MINUTES} minutes.`);
    }
    await this.communities.require(viewer, communityId, CommunityAction.Manage);
    const now = this.clock.now();
    await this.dataSource.transaction((manager) =>
      manager.query(
        `INSERT INTO support_slas (community_id, first_response_minutes, updated_by_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (community_id) DO UPDATE SET first_response_minutes = $2, updated_by_id = $3, updated_at = $4`,
        [communityId, firstResponseMinutes, viewer.accountId, now],
      ),
    );
    return { communityId, firstResponseMinutes, updatedAt: now };
  }

  /** Removes the SLA; true when there was one. */
  async removeSla(viewer: Viewer, communityId: string): Promise<boolean> {
    await this.communities.require(viewer, communityId, CommunityAction.Manage);
    const removed: unknown[] = await this.dataSource.transaction((manager) => manager.query(`DELETE FROM support_slas WHERE community_id = $1 RETURNING community_id`, [communityId]).then((r: [unknown[], number]) => r[0]));
    return removed.length > 0;
  }

  /** Open unanswered questions, oldest first (keyset on asked_at, thread id). */
  async unanswered(viewer: Viewer, communityId: string, first: number, afterCursor: string | null | undefined) {
    const readsContent = await this.assertReadable(viewer, communityId);
    const after = decodeTimeCursor(afterCursor);
    const params: unknown[] = [communityId, this.clock.now()];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (q.asked_at, q.thread_id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: Array<{ id: string; title: string | null; asked_at: Date; position: string; age_minutes: number; breached: boolean; alerted_at: Date | null }> = await this.dataSource.query(
      // The position keeps microseconds, which a JavaScript date would drop.
      `SELECT q.thread_id AS id, t.title, q.asked_at, to_char(q.asked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position, floor(extract(epoch FROM $2 - q.asked_at) / 60)::int AS age_minutes,
              coalesce(q.asked_at <= $2 - s.first_response_minutes * interval '1 minute', false) AS breached, a.alerted_at
         FROM support_questions q
         LEFT JOIN forum_threads t ON t.id = q.thread_id
         LEFT JOIN support_slas s ON s.community_id = q.community_id
         LEFT JOIN support_sla_alerts a ON a.thread_id = q.thread_id
        WHERE q.community_id = $1 AND ${OPEN_QUESTION} ${keyset}
        ORDER BY q.asked_at, q.thread_id LIMIT ${first + 1}`,
      params,
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total FROM support_questions q WHERE q.community_id = $1 AND ${OPEN_QUESTION}`, [communityId]);
    const nodes: Array<UnansweredQuestion & { position: string }> = rows.map((r) => ({
      id: r.id,
      position: r.position,
      title: readsContent ? r.title : null,
      askedAt: r.asked_at,
      ageMinutes: Math.max(0, r.age_minutes),
      breached: r.breached,
      alertedAt: r.alerted_at,
    }));
    return { ...toConnection(nodes, first, (n) => [n.position, n.id], after !== undefined), totalCount: total };
  }

  /** How many open unanswered questions wait in each age band, and how many breach the SLA. */
  async ages(viewer: Viewer, communityId: string): Promise<UnansweredAges> {
    await this.assertReadable(viewer, communityId);
    const bands = AGE_BANDS.map((b, i) => `count(*) FILTER (WHERE age >= ${b.from}${b.to === null ? '' : ` AND age < ${b.to}`})::int AS b${i}`).join(', ');
    const [row]: Array<Record<string, number | null>> = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE age >= s.first_response_minutes)::int AS breached, min(s.first_response_minutes) AS sla, ${bands}
         FROM (SELECT q.community_id, extract(epoch FROM $2 - q.asked_at) / 60 AS age FROM support_questions q WHERE q.community_id = $1 AND ${OPEN_QUESTION}) w
         LEFT JOIN support_slas s ON s.community_id = w.community_id`,
      [communityId, this.clock.now()],
    );
    const sla = await this.find(communityId);
    return {
      communityId,
      total: Number(row?.total ?? 0),
      breached: Number(row?.breached ?? 0),
      firstResponseMinutes: sla?.firstResponseMinutes ?? null,
      bands: AGE_BANDS.map((b, i) => ({ band: b.band, label: b.label, count: Number(row?.[`b${i}`] ?? 0) })),
    };
  }

  private async find(communityId: string): Promise<SupportSla | null> {
    const rows: Array<{ first_response_minutes: number; updated_at: Date }> = await this.dataSource.query(
      `SELECT first_response_minutes, updated_at FROM support_slas WHERE community_id = $1`,
      [communityId],
    );
    return rows[0] ? { communityId, firstResponseMinutes: rows[0].first_response_minutes, updatedAt: rows[0].updated_at } : null;
  }

  /**
   * The community's managers and the steering committee may look; NOT_FOUND when the viewer
   * cannot see the community at all. Returns whether the viewer may read its content (titles).
   */
  private async assertReadable(viewer: Viewer, communityId: string): Promise<boolean> {
    const access = await this.communities.facts(viewer, communityId);
    if (!access || !this.authorization.can(viewer, CommunityAction.View, { access })) throw new NotFoundError('The community');
    if (!this.authorization.can(viewer, CommunityAction.Manage, { access }) && !this.authorization.can(viewer, PlatformAction.ReadOrganisationMetrics)) {
      throw new ForbiddenError("Only the community's managers and the steering committee can see its support backlog.");
    }
    return this.authorization.can(viewer, CommunityAction.ReadContent, { access });
  }
}
