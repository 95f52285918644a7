import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { PlatformRole } from '@commons/shared-contracts';
import type { CohortAccess } from './cohort-access';
import type { CohortsArgs } from './dto/cohort.inputs';

export interface LoadedCohort {
  id: string;
  name: string;
  sortName: string;
  description: string;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  membersCount: number;
  access: CohortAccess;
}

interface CohortRow {
  id: string;
  name: string;
  sort_name: string;
  description: string;
  created_by_id: string;
  created_at: Date;
  updated_at: Date;
  members_count: number;
  manages_attached: boolean;
}

const COHORT_COLUMNS = `co.id, co.name, co.sort_name, co.description, co.created_by_id, co.created_at, co.updated_at,
  (SELECT count(*)::int FROM cohort_members cm WHERE cm.cohort_id = co.id) AS members_count,
  EXISTS (SELECT 1 FROM community_cohorts cc
            JOIN community_memberships m ON m.community_id = cc.community_id AND m.account_id = $1 AND m.role = 'MANAGER'
           WHERE cc.cohort_id = co.id) AS manages_attached`;

function toLoaded(r: CohortRow): LoadedCohort {
  return {
    id: r.id,
    name: r.name,
    sortName: r.sort_name,
    description: r.description,
    createdById: r.created_by_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    membersCount: r.members_count,
    access: { createdById: r.created_by_id, managesAttachedCommunity: r.manages_attached },
  };
}

/** Cohort queries with the viewer's access facts. */
@Injectable()
export class CohortRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(viewer: Viewer, ids: readonly string[]): Promise<Map<string, LoadedCohort>> {
    if (ids.length === 0) return new Map();
    const rows: CohortRow[] = await this.dataSource.query(`SELECT ${COHORT_COLUMNS} FROM cohorts co WHERE co.id = ANY($2::uuid[])`, [
      viewer.accountId,
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, toLoaded(r)]));
  }

  /** Cohorts the viewer runs (created, or attached to a community they manage); all of them for steering and admins. */
  async page(viewer: Viewer, args: CohortsArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewer.accountId];
    const where: string[] = [];
    if (viewer.role === PlatformRole.Member) {
      where.push(`(co.created_by_id = $1 OR EXISTS (SELECT 1 FROM community_cohorts cc
        JOIN community_memberships m ON m.community_id = cc.community_id AND m.account_id = $1 AND m.role = 'MANAGER'
        WHERE cc.cohort_id = co.id))`);
    }
    if (args.search) {
      params.push(`%${args.search.toLowerCase().replace(/[\\%_]/gu, (ch) => `\\${ch}`)}%`);
      where.push(`co.sort_name LIKE $${params.length}`);
    }
    if (after) {
      params.push(String(after[0]), after[1]);
      where.push(`(co.sort_name, co.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows: CohortRow[] = await this.dataSource.query(
      `SELECT ${COHORT_COLUMNS} FROM cohorts co ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY co.sort_name, co.id LIMIT $${params.length}`,
      params,
    );
    return toConnection(rows.map(toLoaded), args.first, (c) => [c.sortName, c.id], after !== undefined);
  }

  /** Cohorts attached to each community, in one statement. */
  async attachedTo(viewer: Viewer, communityIds: readonly string[]): Promise<Map<string, LoadedCohort[]>> {
    const rows: Array<CohortRow & { community_id: string }> = await this.dataSource.query(
      `SELECT cc.community_id, ${COHORT_COLUMNS} FROM community_cohorts cc JOIN cohorts co ON co.id = cc.cohort_id
        WHERE cc.community_id = ANY($2::uuid[]) ORDER BY co.sort_name, co.id`,
      [viewer.accountId, communityIds],
    );
    const result = new Map<string, LoadedCohort[]>();
    for (const row of rows) result.set(row.community_id, [...(result.get(row.community_id) ?? []), toLoaded(row)]);
    return result;
  }
}
