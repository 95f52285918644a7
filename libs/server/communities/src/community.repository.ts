import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Clock, type Viewer } from '@commons/server-core';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { PlatformRole, type CommunityLifecycle, type CommunityRole } from '@commons/shared-contracts';
import { VISIBLE_COMMUNITY_SQL, visibilityParams, type CommunityAccess } from './community-access';
import { CommunityEntity } from './entities/community.entity';
import { CommunitySlugRedirectEntity } from './entities/community-slug-redirect.entity';
import type { CommunitiesArgs, CommunityFilter } from './dto/community.inputs';
import { MembershipFilter } from './dto/community.inputs';

/** An account's access facts and the time (ms) until which they hold without a write. */
export interface TimedAccess {
  access: CommunityAccess;
  until: number;
}

/** A community with the facts the authorization rules need about it for one viewer. */
export interface LoadedCommunity {
  community: CommunityEntity;
  access: CommunityAccess;
}

interface AccessRow {
  id: string;
  role: CommunityRole | null;
  joined_at: Date | null;
  banned: boolean;
  in_cohort: boolean;
  invited: boolean;
}

type FactsRow = AccessRow & { audiences: string; visibility: CommunityAccess['visibility']; lifecycle: CommunityLifecycle };

/** The access facts of community `c` (joined to its membership `m`) for the account `account`; `$3` is now. */
function accessFactsColumns(account: string): string {
  return `c.id, c.audiences::text[] AS audiences, c.visibility, c.lifecycle, m.role, m.joined_at,
          EXISTS (SELECT 1 FROM community_bans b
                   WHERE b.community_id = c.id AND b.account_id = ${account} AND b.lifted_at IS NULL
                     AND (b.ends_at IS NULL OR b.ends_at > $3)) AS banned,
          EXISTS (SELECT 1 FROM community_cohorts cc JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id
                   WHERE cc.community_id = c.id AND cm.account_id = ${account}) AS in_cohort,
          EXISTS (SELECT 1 FROM community_invitations i
                   WHERE i.community_id = c.id AND i.status = 'PENDING'
                     AND (i.account_id = ${account} OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = ${account})))) AS invited`;
}

function toAccess(r: FactsRow): CommunityAccess {
  return {
    communityId: r.id,
    audiences: r.audiences as unknown as CommunityAccess['audiences'],
    visibility: r.visibility,
    lifecycle: r.lifecycle,
    role: r.role,
    joinedAt: r.joined_at,
    banned: r.banned,
    inCohort: r.in_cohort,
    invited: r.invited,
  };
}

/** Community queries: the only place with SQL about communities, their visibility and their counts. */
@Injectable()
export class CommunityRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads communities with the viewer's access facts in one statement (plus one for the rows).
   * Ids that do not exist are missing from the result.
   */
  async load(viewer: Viewer, ids: readonly string[]): Promise<Map<string, LoadedCommunity>> {
    if (ids.length === 0) return new Map();
    const communities = await this.dataSource.getRepository(CommunityEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
    const facts = await this.accessFacts(viewer, communities.map((c) => c.id));
    return new Map(communities.map((community) => [community.id, { community, access: facts.get(community.id) as CommunityAccess }]));
  }

  /** The viewer's membership, ban, cohort and invitation facts for each community, in one statement. */
  async accessFacts(viewer: Viewer, ids: readonly string[]): Promise<Map<string, CommunityAccess>> {
    if (ids.length === 0) return new Map();
    const rows: FactsRow[] = await this.dataSource.query(
      `SELECT ${accessFactsColumns('$1')} FROM communities c
         LEFT JOIN community_memberships m ON m.community_id = c.id AND m.account_id = $1
        WHERE c.id = ANY($2::uuid[])`,
      [viewer.accountId, ids, this.clock.now()],
    );
    return new Map(rows.map((r) => [r.id, toAccess(r)]));
  }

  /**
   * The same facts about one community for many accounts, in one statement: realtime delivery
   * authorizes each event for every subscriber at once, not with a query per subscriber. With
   * each account's facts, until when they hold: the end of a ban that ends (Infinity otherwise).
   */
  async accessFactsOfAccounts(communityId: string, accountIds: readonly string[]): Promise<Map<string, TimedAccess>> {
    if (accountIds.length === 0) return new Map();
    const rows: Array<FactsRow & { account_id: string; ban_ends: number | null }> = await this.dataSource.query(
      `SELECT acc.id AS account_id, ${accessFactsColumns('acc.id')},
              (SELECT CASE WHEN bool_or(b.ends_at IS NULL) THEN NULL ELSE extract(epoch FROM max(b.ends_at)) * 1000 END
                 FROM community_bans b
                WHERE b.community_id = c.id AND b.account_id = acc.id AND b.lifted_at IS NULL
                  AND (b.ends_at IS NULL OR b.ends_at > $3)) AS ban_ends
         FROM unnest($1::uuid[]) AS acc(id) CROSS JOIN communities c
         LEFT JOIN community_memberships m ON m.community_id = c.id AND m.account_id = acc.id
        WHERE c.id = $2`,
      [accountIds, communityId, this.clock.now()],
    );
    // A banned account's facts change when its last ban ends (never, for a ban without an end); anyone else's only with the access version.
    return new Map(rows.map((r) => [r.account_id, { access: toAccess(r), until: r.ban_ends === null ? Infinity : Number(r.ban_ends) }]));
  }

  /**
   * The community's access version: it changes, in the same transaction, with anything its
   * access facts are read from (see the CommunityAccessVersions migration's triggers).
   */
  async accessVersion(communityId: string): Promise<string> {
    const [row]: Array<{ version: string }> = await this.dataSource.query(
      `SELECT coalesce((SELECT version FROM community_access_versions WHERE community_id = $1), 0)::text AS version`,
      [communityId],
    );
    return row?.version ?? '0';
  }

  /** The community a slug names now, following renamed slugs. */
  async idBySlug(slug: string): Promise<string | null> {
    const current = await this.dataSource.getRepository(CommunityEntity).findOne({ where: { slug }, select: { id: true } });
    if (current) return current.id;
    const old = await this.dataSource.getRepository(CommunitySlugRedirectEntity).findOne({ where: { slug } });
    return old?.communityId ?? null;
  }

  /** One page of the directory, ordered by name, with only communities the viewer may see. */
  async page(viewer: Viewer, args: CommunitiesArgs) {
    const after = decodeCursor(args.after);
    const query = this.visibleTo(viewer, args.filter).orderBy('c.sort_name', 'ASC').addOrderBy('c.id', 'ASC').limit(args.first + 1);
    if (after) query.andWhere('(c.sort_name, c.id) > (:afterName, :afterId)', { afterName: String(after[0]), afterId: after[1] });
    const rows = await query.getMany();
    return toConnection(rows, args.first, (c) => [c.sortName, c.id], after !== undefined);
  }

  /** How many communities the same filter shows the viewer (the connection's totalCount). */
  count(viewer: Viewer, filter: CommunityFilter | null | undefined): Promise<number> {
    return this.visibleTo(viewer, filter).getCount();
  }

  /** Active members per community, in one grouped statement. */
  async memberCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ community_id: string; count: number }> = await this.dataSource.query(
      `SELECT community_id, count(*)::int AS count FROM community_memberships WHERE community_id = ANY($1::uuid[]) GROUP BY community_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.community_id, r.count]));
  }

  private visibleTo(viewer: Viewer, filter: CommunityFilter | null | undefined): SelectQueryBuilder<CommunityEntity> {
    const query = this.dataSource
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .leftJoin('community_memberships', 'm', 'm.community_id = c.id AND m.account_id = :viewerId', { viewerId: viewer.accountId });
    // Admins see every community; everyone else exactly what the View rule allows.
    if (viewer.role !== PlatformRole.Admin) query.where(VISIBLE_COMMUNITY_SQL, visibilityParams(viewer));
    if (filter?.audience) query.andWhere('CAST(:audience AS audience) = ANY(c.audiences)', { audience: filter.audience });
    if (filter?.intent) query.andWhere('c.intent = :intent', { intent: filter.intent });
    if (filter?.lifecycle) query.andWhere('c.lifecycle = :lifecycle', { lifecycle: filter.lifecycle });
    if (filter?.membership === MembershipFilter.Member) query.andWhere('m.role IS NOT NULL');
    if (filter?.membership === MembershipFilter.NotMember) query.andWhere('m.role IS NULL');
    if (filter?.membership === MembershipFilter.Managing) query.andWhere(`m.role = 'MANAGER'`);
    if (filter?.search) {
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/gu, (ch) => `\\${ch}`)}%`;
      query.andWhere('(c.sort_name LIKE :pattern OR lower(c.description) LIKE :pattern)', { pattern });
    }
    return query;
  }
}
