import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, AuthorizationService, Clock, ConflictError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { AccountEntity } from '@commons/server-identity';
import { CommunityLifecycle } from '@commons/shared-contracts';
import { CohortAction } from './cohort-access';
import { CohortRepository, type LoadedCohort } from './cohort.repository';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { CohortEntity } from './entities/cohort.entity';
import { CohortMemberEntity } from './entities/cohort-member.entity';
import { CommunityCohortEntity } from './entities/community-cohort.entity';
import type { CohortsArgs, CommunityCohortInput, NewCohortInput, UpdateCohortInput } from './dto/cohort.inputs';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CohortRepository,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  list(viewer: Viewer, args: CohortsArgs) {
    return this.repository.page(viewer, args);
  }

  /** NOT_FOUND for a cohort the viewer may not read. */
  async get(viewer: Viewer, id: string): Promise<LoadedCohort> {
    const cohort = (await this.repository.load(viewer, [id])).get(id);
    if (!cohort || !this.authorization.can(viewer, CohortAction.Read, cohort)) throw new NotFoundError('The cohort');
    return cohort;
  }

  async create(viewer: Viewer, input: NewCohortInput): Promise<LoadedCohort> {
    const { id } = await this.dataSource.transaction((manager) => this.createIn(manager, viewer, input, ''));
    return this.get(viewer, id);
  }

  /** Creates a cohort in the caller's transaction (the community wizard creates one with its community). */
  async createIn(manager: EntityManager, viewer: Viewer, input: NewCohortInput, fieldPrefix: string): Promise<CohortEntity> {
    this.authorization.assert(viewer, CohortAction.Create);
    const now = this.clock.now();
    const cohort = manager.create(CohortEntity, {
      id: uuidv7(now.getTime()),
      name: input.name,
      sortName: input.name.toLowerCase(),
      description: input.description ?? '',
      createdById: viewer.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(CohortEntity, cohort);
    const memberIds = await this.addMembers(manager, cohort.id, input.memberIds, `${fieldPrefix}memberIds`);
    await this.record(manager, viewer, 'cohort.create', cohort.id, null, { ...definition(cohort), memberIds });
    return cohort;
  }

  async update(viewer: Viewer, input: UpdateCohortInput): Promise<LoadedCohort> {
    const cohort = await this.get(viewer, input.cohortId);
    this.authorization.assert(viewer, CohortAction.Manage, cohort);
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(CohortEntity, { where: { id: cohort.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('The cohort');
      const before = definition(row);
      if (input.name !== undefined) {
        row.name = input.name;
        row.sortName = input.name.toLowerCase();
      }
      if (input.description !== undefined) row.description = input.description ?? '';
      row.updatedAt = this.clock.now();
      await manager.save(row);
      const after = definition(row);
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
      if (changed.length > 0) {
        await this.record(
          manager,
          viewer,
          'cohort.update',
          row.id,
          Object.fromEntries(changed.map((key) => [key, before[key]])),
          Object.fromEntries(changed.map((key) => [key, after[key]])),
        );
      }
      const added = await this.addMembers(manager, row.id, input.addMemberIds, 'addMemberIds');
      if (added.length > 0) await this.record(manager, viewer, 'cohort.members.add', row.id, null, { accountIds: added });
      const removed = await this.removeMembers(manager, row.id, input.removeMemberIds);
      if (removed.length > 0) await this.record(manager, viewer, 'cohort.members.remove', row.id, { accountIds: removed }, null);
    });
    return this.get(viewer, cohort.id);
  }

  /** Deletes a cohort no pilot depends on any more. */
  async delete(viewer: Viewer, id: string): Promise<void> {
    const cohort = await this.get(viewer, id);
    this.authorization.assert(viewer, CohortAction.Manage, cohort);
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(CohortEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('The cohort');
      const inPilot: Array<{ name: string }> = await manager.query(
        `SELECT c.name FROM community_cohorts cc JOIN communities c ON c.id = cc.community_id
          WHERE cc.cohort_id = $1 AND c.lifecycle = 'PILOT' LIMIT 1`,
        [id],
      );
      if (inPilot[0]) throw new ConflictError(`"${inPilot[0].name}" is piloting with this cohort; detach it first.`);
      const members = await manager.find(CohortMemberEntity, { where: { cohortId: id }, select: { accountId: true }, order: { accountId: 'ASC' } });
      const attachedTo = await manager.find(CommunityCohortEntity, { where: { cohortId: id }, select: { communityId: true }, order: { communityId: 'ASC' } });
      await manager.delete(CohortEntity, { id });
      await this.record(manager, viewer, 'cohort.delete', id, { ...definition(row), memberIds: members.map((m) => m.accountId) }, null);
      // Deleting takes the cohort out of the communities it was attached to: each of them sees it in its own log.
      for (const { communityId } of attachedTo) {
        await this.audit.record(manager, auditActorOf(viewer), { action: 'cohort.detach', targetKind: 'cohort', targetId: id, communityId, reason: 'The cohort was deleted.' });
      }
    });
  }

  async attach(viewer: Viewer, input: CommunityCohortInput): Promise<void> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    await this.dataSource.transaction((manager) => this.attachIn(manager, viewer, input.communityId, input.cohortId));
  }

  /** Attaches in the caller's transaction; the viewer must run the cohort and manage the community. */
  async attachIn(manager: EntityManager, viewer: Viewer, communityId: string, cohortId: string): Promise<void> {
    const cohort = (await this.repository.load(viewer, [cohortId])).get(cohortId);
    // The creator of a cohort made in this same transaction runs it too.
    if (!cohort || !this.authorization.can(viewer, CohortAction.Read, cohort)) {
      const created = await manager.findOne(CohortEntity, { where: { id: cohortId, createdById: viewer.accountId } });
      if (!created) throw ValidationError.field('cohortIds', 'This cohort was not found.');
    } else {
      this.authorization.assert(viewer, CohortAction.Manage, cohort);
    }
    const attached: unknown[] = await manager.query(
      'INSERT INTO community_cohorts (community_id, cohort_id, attached_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING cohort_id',
      [communityId, cohortId, this.clock.now()],
    );
    if (attached.length > 0) await this.audit.record(manager, auditActorOf(viewer), { action: 'cohort.attach', targetKind: 'cohort', targetId: cohortId, communityId });
  }

  async detach(viewer: Viewer, input: CommunityCohortInput): Promise<void> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, input.communityId);
      const attached = await this.attachedCount(manager, community.id);
      if (community.lifecycle === CommunityLifecycle.Pilot && attached <= 1) {
        throw new ConflictError('A pilot needs a cohort: attach another one first, or make the community active.');
      }
      const { affected } = await manager.delete(CommunityCohortEntity, { communityId: input.communityId, cohortId: input.cohortId });
      if (affected) await this.audit.record(manager, auditActorOf(viewer), { action: 'cohort.detach', targetKind: 'cohort', targetId: input.cohortId, communityId: input.communityId });
    });
  }

  attachedCount(manager: EntityManager, communityId: string): Promise<number> {
    return manager.count(CommunityCohortEntity, { where: { communityId } });
  }

  /** Adds people to the cohort; returns those who were not in it already, sorted. */
  private async addMembers(manager: EntityManager, cohortId: string, accountIds: string[], field: string): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const found = await manager.count(AccountEntity, { where: { id: In(accountIds) } });
    if (found !== new Set(accountIds).size) throw ValidationError.field(field, 'Some of these people were not found.');
    const now = this.clock.now();
    const { raw } = await manager
      .createQueryBuilder()
      .insert()
      .into(CohortMemberEntity)
      .values([...new Set(accountIds)].map((accountId) => ({ cohortId, accountId, addedAt: now })))
      .orIgnore()
      .returning('account_id')
      .execute();
    return accountIdsOf(raw);
  }

  /** Takes people out of the cohort; returns those who were in it, sorted. */
  private async removeMembers(manager: EntityManager, cohortId: string, accountIds: string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const { raw } = await manager
      .createQueryBuilder()
      .delete()
      .from(CohortMemberEntity)
      .where({ cohortId, accountId: In(accountIds) })
      .returning('account_id')
      .execute();
    return accountIdsOf(raw);
  }

  /** Cohorts belong to no community: their entries are in the platform-wide log. */
  private record(manager: EntityManager, viewer: Viewer, action: string, cohortId: string, before: object | null, after: object | null): Promise<void> {
    return this.audit.record(manager, auditActorOf(viewer), { action, targetKind: 'cohort', targetId: cohortId, communityId: null, before, after });
  }
}

/** What an administrator defines about a cohort, as the audit log shows it. */
function definition(cohort: CohortEntity): { name: string; description: string } {
  return { name: cohort.name, description: cohort.description };
}

function accountIdsOf(raw: unknown): string[] {
  return (raw as Array<{ account_id: string }>).map((r) => r.account_id).sort();
}
