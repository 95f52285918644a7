import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@commons/server-core';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { AccountEntity } from '@commons/server-identity';
import type { CommunityRole } from '@commons/shared-contracts';
import { CommunityBanEntity } from './entities/community-ban.entity';
import { CommunityInvitationEntity, InvitationStatus } from './entities/community-invitation.entity';
import { CommunityMembershipEntity } from './entities/community-membership.entity';
import { JoinRequestEntity, JoinRequestStatus } from './entities/join-request.entity';
import { ObjectiveEntity } from './entities/objective.entity';

export interface MemberRow {
  membership: CommunityMembershipEntity;
  account: AccountEntity;
}

/** Lists inside one community: members, requests, invitations, bans, objectives. */
@Injectable()
export class MembershipRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Members with their accounts in one statement, by name (keyset on the account's sort name). */
  async members(communityId: string, args: ConnectionArgs & { role?: CommunityRole | null }) {
    const after = decodeCursor(args.after);
    const query = this.dataSource
      .getRepository(CommunityMembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.account', 'a')
      .where('m.community_id = :communityId', { communityId })
      .orderBy('a.sort_name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(args.first + 1);
    if (args.role) query.andWhere('m.role = :role', { role: args.role });
    if (after) query.andWhere('(a.sort_name, a.id) > (:afterName, :afterId)', { afterName: String(after[0]), afterId: after[1] });
    const rows = (await query.getMany()).map((membership) => ({ membership, account: membership.account as AccountEntity }));
    return toConnection(rows, args.first, (r) => [r.account.sortName, r.account.id], after !== undefined);
  }

  async pendingRequests(communityId: string, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const query = this.dataSource
      .getRepository(JoinRequestEntity)
      .createQueryBuilder('r')
      .where('r.community_id = :communityId AND r.status = :pending', { communityId, pending: JoinRequestStatus.Pending })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(args.first + 1);
    if (after) query.andWhere('(r.created_at, r.id) > (:afterAt, :afterId)', { afterAt: new Date(Number(after[0])), afterId: after[1] });
    const rows = await query.getMany();
    return toConnection(rows, args.first, (r) => [r.createdAt.getTime(), r.id], after !== undefined);
  }

  /** An account's latest request to each community, for "your request is pending" / "denied because…". */
  async latestRequests(accountId: string, communityIds: readonly string[]): Promise<Map<string, JoinRequestEntity>> {
    const rows = await this.dataSource
      .getRepository(JoinRequestEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.community_id'])
      .where('r.account_id = :accountId AND r.community_id IN (:...communityIds)', { accountId, communityIds })
      .orderBy('r.community_id')
      .addOrderBy('r.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.communityId, r]));
  }

  pendingInvitations(communityId: string): Promise<CommunityInvitationEntity[]> {
    return this.dataSource.getRepository(CommunityInvitationEntity).find({
      where: { communityId, status: InvitationStatus.Pending },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  /** Pending invitations for an account, including those sent to its address before it existed. */
  invitationsFor(accountId: string): Promise<CommunityInvitationEntity[]> {
    return this.dataSource
      .getRepository(CommunityInvitationEntity)
      .createQueryBuilder('i')
      .where('i.status = :pending', { pending: InvitationStatus.Pending })
      .andWhere('(i.account_id = :accountId OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = :accountId)))', { accountId })
      .orderBy('i.created_at', 'DESC')
      .take(100)
      .getMany();
  }

  activeBans(communityId: string): Promise<CommunityBanEntity[]> {
    return this.dataSource
      .getRepository(CommunityBanEntity)
      .createQueryBuilder('b')
      .where('b.community_id = :communityId AND b.lifted_at IS NULL', { communityId })
      .andWhere('(b.ends_at IS NULL OR b.ends_at > :now)', { now: this.clock.now() })
      .orderBy('b.created_at', 'DESC')
      .take(200)
      .getMany();
  }

  /** Objectives of many communities in one statement, by due date. */
  async objectives(communityIds: readonly string[]): Promise<Map<string, ObjectiveEntity[]>> {
    const rows = await this.dataSource
      .getRepository(ObjectiveEntity)
      .createQueryBuilder('o')
      .where('o.community_id IN (:...communityIds)', { communityIds })
      .orderBy('o.due_date', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
    const result = new Map<string, ObjectiveEntity[]>();
    for (const row of rows) result.set(row.communityId, [...(result.get(row.communityId) ?? []), row]);
    return result;
  }

  /**
   * People who may read a community's content and match a name: members, and for an open,
   * listed community everyone its audiences include (employees always). Not the banned.
   */
  mentionCandidates(communityId: string, search: string): Promise<AccountEntity[]> {
    const pattern = `${search.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    return this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoin('communities', 'c', 'c.id = :communityId', { communityId })
      .where('a.suspended_at IS NULL')
      .andWhere(`(a.sort_name LIKE :pattern OR a.sort_name LIKE :wordPattern)`, { pattern, wordPattern: `% ${pattern}` })
      .andWhere(
        `(EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = c.id AND m.account_id = a.id)
          OR (c.visibility = 'OPEN' AND c.lifecycle <> 'DRAFT' AND (a.audience = 'EMPLOYEE' OR a.audience = ANY(c.audiences))))`,
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM community_bans b WHERE b.community_id = c.id AND b.account_id = a.id
                       AND b.lifted_at IS NULL AND (b.ends_at IS NULL OR b.ends_at > now()))`,
      )
      .orderBy('a.sort_name')
      .addOrderBy('a.id')
      .limit(10)
      .getMany();
  }

  /** Accounts by id in one statement (owners, inviters, requesters). */
  async accounts(ids: readonly string[]): Promise<Map<string, AccountEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(AccountEntity).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((a) => [a.id, a]));
  }
}
