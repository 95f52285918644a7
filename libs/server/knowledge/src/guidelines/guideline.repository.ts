import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience } from '@commons/shared-contracts';
import type { Viewer } from '@commons/server-core';
import type { KeysetPosition } from '@commons/server-graphql';

/** A published version as readers see it. */
export interface GuidelineVersionRow {
  id: string;
  guidelineId: string;
  number: number;
  body: string;
  bodyHtml: string;
  changeNote: string;
  material: boolean;
  authorId: string;
  publishedAt: Date | null;
  publishedById: string | null;
  publishedByName: string | null;
  updatedAt: Date;
}

/** A guideline with its current version and the viewer's latest acknowledgement. */
export interface GuidelineRow {
  id: string;
  key: string;
  title: string;
  sortTitle: string;
  audiences: Audience[];
  communityId: string | null;
  requiredVersionId: string | null;
  requiredNumber: number | null;
  current: GuidelineVersionRow | null;
  viewerAcknowledgedVersionId: string | null;
  viewerAcknowledgedNumber: number | null;
  viewerAcknowledgedAt: Date | null;
}

/** Whose acknowledgement a compliance figure counts: the guideline's audience, narrowed. */
export interface ComplianceScope {
  guidelineId: string;
  audiences: readonly Audience[];
  /** The guideline's community, or the community a platform-wide report is narrowed to. */
  communityId: string | null;
  department: string | null;
  /** An acknowledgement of this version number or a later one counts. */
  versionNumber: number;
}

export interface CompliancePersonRow {
  id: string;
  displayName: string;
  sortName: string;
  email: string;
  department: string | null;
  audience: Audience;
  acknowledgedNumber: number | null;
  acknowledgedAt: Date | null;
}

export interface ComplianceGroupRow {
  key: string;
  label: string;
  expected: number;
  acknowledged: number;
}

const GUIDELINE_COLUMNS = `
  g.id, g.key, g.title, g.sort_title, g.audiences::text[] AS audiences, g.community_id, g.required_version_id, g.required_number,
  c.id AS c_id, c.number AS c_number, c.body AS c_body, c.body_html AS c_body_html, c.change_note AS c_change_note,
  c.material AS c_material, c.author_id AS c_author_id, c.published_at AS c_published_at, c.published_by_id AS c_published_by_id,
  c.updated_at AS c_updated_at, pa.display_name AS c_published_by_name,
  ack.version_id AS ack_version_id, ack.version_number AS ack_number, ack.acknowledged_at AS ack_at`;

const GUIDELINE_FROM = `
  FROM guidelines g
  LEFT JOIN guideline_versions c ON c.id = g.current_version_id
  LEFT JOIN accounts pa ON pa.id = c.published_by_id
  LEFT JOIN LATERAL (
    SELECT a.version_id, a.version_number, a.acknowledged_at FROM guideline_acknowledgements a
    WHERE a.guideline_id = g.id AND a.account_id = $1 ORDER BY a.version_number DESC LIMIT 1
  ) ack ON true`;

/** Guidelines addressed to the viewer ($1 account, $2 audience): platform-wide ones of their audience, and their communities'. */
const ADDRESSED_TO_VIEWER = `$2::audience = ANY(g.audiences) AND (g.community_id IS NULL OR EXISTS (
  SELECT 1 FROM community_memberships m WHERE m.community_id = g.community_id AND m.account_id = $1))`;

const MUST_ACKNOWLEDGE = `g.required_number IS NOT NULL AND (ack.version_number IS NULL OR ack.version_number < g.required_number)`;

function versionOf(r: Record<string, unknown>, prefix = ''): GuidelineVersionRow {
  return {
    id: r[`${prefix}id`] as string,
    guidelineId: (r['guideline_id'] ?? r['id']) as string,
    number: r[`${prefix}number`] as number,
    body: r[`${prefix}body`] as string,
    bodyHtml: r[`${prefix}body_html`] as string,
    changeNote: r[`${prefix}change_note`] as string,
    material: r[`${prefix}material`] as boolean,
    authorId: r[`${prefix}author_id`] as string,
    publishedAt: (r[`${prefix}published_at`] as Date | null) ?? null,
    publishedById: (r[`${prefix}published_by_id`] as string | null) ?? null,
    publishedByName: (r[`${prefix}published_by_name`] as string | null) ?? null,
    updatedAt: r[`${prefix}updated_at`] as Date,
  };
}

function guidelineOf(r: Record<string, unknown>): GuidelineRow {
  return {
    id: r['id'] as string,
    key: r['key'] as string,
    title: r['title'] as string,
    sortTitle: r['sort_title'] as string,
    audiences: r['audiences'] as Audience[],
    communityId: (r['community_id'] as string | null) ?? null,
    requiredVersionId: (r['required_version_id'] as string | null) ?? null,
    requiredNumber: (r['required_number'] as number | null) ?? null,
    current: r['c_id'] ? { ...versionOf(r, 'c_'), guidelineId: r['id'] as string } : null,
    viewerAcknowledgedVersionId: (r['ack_version_id'] as string | null) ?? null,
    viewerAcknowledgedNumber: (r['ack_number'] as number | null) ?? null,
    viewerAcknowledgedAt: (r['ack_at'] as Date | null) ?? null,
  };
}

/**
 * The people a compliance figure counts, as a WHERE over `accounts a` with its parameters
 * (appended to `params`): active accounts of the guideline's audiences, narrowed to a
 * community's members and a department when asked.
 */
function expectedPeople(scope: ComplianceScope, params: unknown[]): string {
  params.push(scope.audiences);
  const conditions = [`a.suspended_at IS NULL`, `a.audience = ANY($${params.length}::audience[])`];
  if (scope.communityId) {
    params.push(scope.communityId);
    conditions.push(`EXISTS (SELECT 1 FROM community_memberships cm WHERE cm.account_id = a.id AND cm.community_id = $${params.length})`);
  }
  if (scope.department !== null) {
    params.push(scope.department);
    conditions.push(`COALESCE(a.department, '') = $${params.length}`);
  }
  return conditions.join(' AND ');
}

/** The acknowledgement that counts for an account (`a`): of the scope's version or a later one. */
function acknowledgement(scope: ComplianceScope, params: unknown[]): string {
  params.push(scope.guidelineId, scope.versionNumber);
  return `SELECT k.version_number, k.acknowledged_at FROM guideline_acknowledgements k
    WHERE k.guideline_id = $${params.length - 1} AND k.account_id = a.id AND k.version_number >= $${params.length}
    ORDER BY k.version_number DESC LIMIT 1`;
}

@Injectable()
export class GuidelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byKey(viewer: Viewer, key: string): Promise<GuidelineRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${GUIDELINE_COLUMNS} ${GUIDELINE_FROM} WHERE g.key = $2`, [viewer.accountId, key]);
    return rows[0] ? guidelineOf(rows[0]) : null;
  }

  async byId(viewer: Viewer, id: string, manager: EntityManager = this.dataSource.manager): Promise<GuidelineRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${GUIDELINE_COLUMNS} ${GUIDELINE_FROM} WHERE g.id = $2`, [viewer.accountId, id]);
    return rows[0] ? guidelineOf(rows[0]) : null;
  }

  /**
   * A page of guidelines by title: all of them for `everything` (the programme team, steering),
   * else those addressed to the viewer; `pendingOnly` keeps those the viewer must (re-)acknowledge.
   */
  async page(viewer: Viewer, options: { everything: boolean; pendingOnly: boolean; first: number; after?: KeysetPosition }): Promise<GuidelineRow[]> {
    const params: unknown[] = [viewer.accountId, viewer.audience];
    const conditions = [options.everything && !options.pendingOnly ? 'true' : ADDRESSED_TO_VIEWER];
    if (options.pendingOnly) conditions.push(MUST_ACKNOWLEDGE);
    if (options.after) {
      params.push(String(options.after[0]), options.after[1]);
      conditions.push(`(g.sort_title, g.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(options.first + 1);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${GUIDELINE_COLUMNS} ${GUIDELINE_FROM} WHERE ${conditions.join(' AND ')} ORDER BY g.sort_title, g.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(guidelineOf);
  }

  async countPending(viewer: Viewer): Promise<number> {
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count ${GUIDELINE_FROM} WHERE ${ADDRESSED_TO_VIEWER} AND ${MUST_ACKNOWLEDGE}`,
      [viewer.accountId, viewer.audience],
    );
    return rows[0]?.count ?? 0;
  }

  async countVisible(viewer: Viewer, everything: boolean): Promise<number> {
    if (everything) return ((await this.dataSource.query(`SELECT count(*)::int AS count FROM guidelines`)) as Array<{ count: number }>)[0]?.count ?? 0;
    const rows: Array<{ count: number }> = await this.dataSource.query(`SELECT count(*)::int AS count FROM guidelines g WHERE ${ADDRESSED_TO_VIEWER}`, [viewer.accountId, viewer.audience]);
    return rows[0]?.count ?? 0;
  }

  /** Published versions, newest first, after a keyset position (number as sort value). */
  async versions(guidelineId: string, first: number, afterNumber: number | null): Promise<GuidelineVersionRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT v.*, pa.display_name AS published_by_name FROM guideline_versions v LEFT JOIN accounts pa ON pa.id = v.published_by_id
       WHERE v.guideline_id = $1 AND v.published_at IS NOT NULL AND ($2::int IS NULL OR v.number < $2)
       ORDER BY v.number DESC LIMIT $3`,
      [guidelineId, afterNumber, first + 1],
    );
    return rows.map((r) => versionOf(r));
  }

  async draft(manager: EntityManager, guidelineId: string): Promise<GuidelineVersionRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT v.*, NULL AS published_by_name FROM guideline_versions v WHERE v.guideline_id = $1 AND v.published_at IS NULL`,
      [guidelineId],
    );
    return rows[0] ? versionOf(rows[0]) : null;
  }

  async version(manager: EntityManager, versionId: string): Promise<GuidelineVersionRow | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT v.*, pa.display_name AS published_by_name FROM guideline_versions v LEFT JOIN accounts pa ON pa.id = v.published_by_id WHERE v.id = $1`,
      [versionId],
    );
    return rows[0] ? versionOf(rows[0]) : null;
  }

  /** Keys of the guidelines whose required version (or a later one) the account acknowledged. */
  async acknowledgedKeys(manager: EntityManager, accountId: string): Promise<string[]> {
    const rows: Array<{ key: string }> = await manager.query(
      `SELECT g.key FROM guidelines g WHERE g.required_number IS NOT NULL AND EXISTS (
         SELECT 1 FROM guideline_acknowledgements a WHERE a.guideline_id = g.id AND a.account_id = $1 AND a.version_number >= g.required_number)`,
      [accountId],
    );
    return rows.map((r) => r.key);
  }

  async titleOfKey(manager: EntityManager, key: string): Promise<string | null> {
    const rows: Array<{ title: string }> = await manager.query(`SELECT title FROM guidelines WHERE key = $1`, [key]);
    return rows[0]?.title ?? null;
  }

  // ---- compliance ---------------------------------------------------------------------------

  async totals(scope: ComplianceScope): Promise<{ expected: number; acknowledged: number }> {
    const params: unknown[] = [];
    const where = expectedPeople(scope, params);
    const rows: Array<{ expected: number; acknowledged: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS expected, count(*) FILTER (WHERE EXISTS (${acknowledgement(scope, params)}))::int AS acknowledged FROM accounts a WHERE ${where}`,
      params,
    );
    return rows[0] ?? { expected: 0, acknowledged: 0 };
  }

  /** Counts grouped by department, audience or community (largest groups first, at most `limit`). */
  async groups(scope: ComplianceScope, by: 'DEPARTMENT' | 'AUDIENCE' | 'COMMUNITY', limit: number): Promise<ComplianceGroupRow[]> {
    const params: unknown[] = [];
    const where = expectedPeople(scope, params);
    const acked = `EXISTS (${acknowledgement(scope, params)})`;
    params.push(limit);
    const limitParam = `$${params.length}`;
    const sql =
      by === 'COMMUNITY'
        ? `SELECT c.id::text AS key, c.name AS label, count(*)::int AS expected, count(*) FILTER (WHERE ${acked})::int AS acknowledged
           FROM accounts a JOIN community_memberships gm ON gm.account_id = a.id JOIN communities c ON c.id = gm.community_id
           WHERE ${where} GROUP BY c.id, c.name ORDER BY count(*) DESC, c.name LIMIT ${limitParam}`
        : by === 'AUDIENCE'
          ? `SELECT a.audience::text AS key, a.audience::text AS label, count(*)::int AS expected, count(*) FILTER (WHERE ${acked})::int AS acknowledged
             FROM accounts a WHERE ${where} GROUP BY a.audience ORDER BY count(*) DESC, a.audience LIMIT ${limitParam}`
          : `SELECT COALESCE(a.department, '') AS key, COALESCE(a.department, '') AS label, count(*)::int AS expected, count(*) FILTER (WHERE ${acked})::int AS acknowledged
             FROM accounts a WHERE ${where} GROUP BY COALESCE(a.department, '') ORDER BY count(*) DESC, 1 LIMIT ${limitParam}`;
    return this.dataSource.query(sql, params);
  }

  /** People of the scope, by name; `pendingOnly` keeps those without a counting acknowledgement. */
  async people(scope: ComplianceScope, options: { pendingOnly: boolean; first: number; after?: KeysetPosition }): Promise<CompliancePersonRow[]> {
    const params: unknown[] = [];
    const where = [expectedPeople(scope, params)];
    const ack = acknowledgement(scope, params);
    if (options.pendingOnly) where.push(`ack.version_number IS NULL`);
    if (options.after) {
      params.push(String(options.after[0]), options.after[1]);
      where.push(`(a.sort_name, a.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(options.first + 1);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.display_name, a.sort_name, a.email, a.department, a.audience, ack.version_number, ack.acknowledged_at
       FROM accounts a LEFT JOIN LATERAL (${ack}) ack ON true
       WHERE ${where.join(' AND ')} ORDER BY a.sort_name, a.id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      displayName: r['display_name'] as string,
      sortName: r['sort_name'] as string,
      email: r['email'] as string,
      department: (r['department'] as string | null) ?? null,
      audience: r['audience'] as Audience,
      acknowledgedNumber: (r['version_number'] as number | null) ?? null,
      acknowledgedAt: (r['acknowledged_at'] as Date | null) ?? null,
    }));
  }
}
