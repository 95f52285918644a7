import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, AuthorizationService, Clock, ConflictError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityLifecycle, CommunityRole, slugFromName } from '@commons/shared-contracts';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { CommunityRepository, type LoadedCommunity } from './community.repository';
import { FieldErrors, utcDate } from './community.mapper';
import { CohortsService } from './cohorts.service';
import { MembershipHistory } from './membership-history';
import { checkObjective } from './objective-rules';
import { CommunityEntity } from './entities/community.entity';
import { CommunitySlugRedirectEntity } from './entities/community-slug-redirect.entity';
import { CommunityMembershipEntity } from './entities/community-membership.entity';
import { ObjectiveEntity } from './entities/objective.entity';
import { MembershipEventKind } from './entities/membership-event.entity';
import type { ChangeLifecycleInput, CommunitiesArgs, CommunityLookupArgs, CreateCommunityInput, UpdateCommunityInput } from './dto/community.inputs';

/** Which lifecycle moves are allowed (archive and restore have their own operations). */
const LIFECYCLE_MOVES: Record<CommunityLifecycle, CommunityLifecycle[]> = {
  [CommunityLifecycle.Draft]: [CommunityLifecycle.Pilot, CommunityLifecycle.Active],
  [CommunityLifecycle.Pilot]: [CommunityLifecycle.Active],
  [CommunityLifecycle.Active]: [],
  [CommunityLifecycle.Archived]: [],
};

@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CommunityRepository,
    private readonly access: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly cohorts: CohortsService,
    private readonly history: MembershipHistory,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  list(viewer: Viewer, args: CommunitiesArgs) {
    return this.repository.page(viewer, args);
  }

  count(viewer: Viewer, args: CommunitiesArgs) {
    return this.repository.count(viewer, args.filter);
  }

  /** By id or by slug (current or former); NOT_FOUND for anything the viewer may not see. */
  async lookup(viewer: Viewer, args: CommunityLookupArgs): Promise<LoadedCommunity> {
    if (!args.id === !args.slug) throw ValidationError.field('id', 'Give either an id or a slug.');
    const id = args.id ?? (await this.repository.idBySlug(args.slug as string));
    if (!id) throw new NotFoundError('The community');
    return this.access.visible(viewer, id);
  }

  async create(viewer: Viewer, input: CreateCommunityInput): Promise<LoadedCommunity> {
    this.authorization.assert(viewer, CommunityAction.Create);
    const errors = new FieldErrors();
    if (!input.name) errors.add('name', 'Enter a name.');
    if (!input.audiences?.length) errors.add('audiences', 'Choose at least one audience.');
    if (!input.visibility) errors.add('visibility', 'Choose who can find and join the community.');
    if (!input.intent) errors.add('intent', 'Choose the social intent the community serves.');
    if (!input.useCases?.length) errors.add('useCases', 'Choose at least one use case.');
    const slug = input.slug ?? slugFromName(input.name ?? '');
    if (input.name && !slug) errors.add('slug', 'Choose a slug: the name has no letters or digits to make one from.');
    const today = utcDate(this.clock.now());
    input.objectives.forEach((o, i) => checkObjective(errors, `objectives.${i}.`, o, { isNew: true, today }));
    if (input.startPilot && input.cohortIds.length === 0 && !input.newCohort) {
      errors.add('cohortIds', 'A pilot needs a cohort: choose one or create one.');
    }
    errors.throwIfAny();

    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertSlugFree(manager, slug, null);
      const now = this.clock.now();
      const community = manager.create(CommunityEntity, {
        id: uuidv7(now.getTime()),
        slug,
        name: input.name as string,
        sortName: (input.name as string).toLowerCase(),
        description: input.description ?? '',
        charter: input.charter ?? '',
        audiences: input.audiences,
        visibility: input.visibility,
        intent: input.intent,
        intentStatement: input.intentStatement ?? '',
        useCases: input.useCases,
        lifecycle: input.startPilot ? CommunityLifecycle.Pilot : CommunityLifecycle.Draft,
        lifecycleBeforeArchive: null,
        ownerId: viewer.accountId,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      });
      await this.insertCommunity(manager, community);
      await manager.insert(CommunityMembershipEntity, { communityId: community.id, accountId: viewer.accountId, role: CommunityRole.Manager, joinedAt: now });
      await this.history.record(manager, { communityId: community.id, accountId: viewer.accountId, kind: MembershipEventKind.Joined, role: CommunityRole.Manager, actor: viewer });
      await this.audit.record(manager, auditActorOf(viewer), { action: 'community.create', targetKind: 'community', targetId: community.id, communityId: community.id, after: governedSettings(community) });
      for (const objective of input.objectives) {
        await manager.insert(ObjectiveEntity, {
          id: uuidv7(),
          communityId: community.id,
          metricKey: objective.metricKey,
          title: objective.title ?? '',
          baseline: objective.baseline,
          target: objective.target,
          direction: objective.direction,
          dueDate: objective.dueDate,
          ownerId: objective.ownerId ?? viewer.accountId,
          createdAt: now,
          updatedAt: now,
        });
      }
      const cohortIds = [...input.cohortIds];
      if (input.newCohort) cohortIds.push((await this.cohorts.createIn(manager, viewer, input.newCohort, 'newCohort.')).id);
      for (const cohortId of cohortIds) await this.cohorts.attachIn(manager, viewer, community.id, cohortId);
      return community.id;
    });
    return this.access.visible(viewer, id);
  }

  async update(viewer: Viewer, input: UpdateCommunityInput): Promise<LoadedCommunity> {
    await this.access.require(viewer, input.communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.access.lock(manager, input.communityId);
      this.access.assertNotArchived(community);
      const before = governedSettings(community);
      const now = this.clock.now();
      if (input.slug !== undefined && input.slug !== community.slug) {
        await this.assertSlugFree(manager, input.slug, community.id);
        // The old slug keeps working; a slug coming back to its community stops being a redirect.
        await manager.delete(CommunitySlugRedirectEntity, { slug: input.slug, communityId: community.id });
        await manager.insert(CommunitySlugRedirectEntity, { slug: community.slug, communityId: community.id, createdAt: now });
        community.slug = input.slug;
      }
      if (input.name !== undefined) {
        community.name = input.name;
        community.sortName = input.name.toLowerCase();
      }
      if (input.description !== undefined) community.description = input.description;
      if (input.charter !== undefined) community.charter = input.charter;
      if (input.audiences !== undefined) community.audiences = input.audiences;
      if (input.visibility !== undefined) community.visibility = input.visibility;
      if (input.intent !== undefined) community.intent = input.intent;
      if (input.intentStatement !== undefined) community.intentStatement = input.intentStatement;
      if (input.useCases !== undefined) community.useCases = input.useCases;
      community.updatedAt = now;
      await this.saveCommunity(manager, community);
      const after = governedSettings(community);
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      if (changed.length > 0) {
        await this.audit.record(manager, auditActorOf(viewer), {
          action: 'community.update',
          targetKind: 'community',
          targetId: community.id,
          communityId: community.id,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        });
      }
    });
    return this.access.visible(viewer, input.communityId);
  }

  /** DRAFT → PILOT (needs a cohort) or ACTIVE; PILOT → ACTIVE opens the community to its audience. */
  async changeLifecycle(viewer: Viewer, input: ChangeLifecycleInput): Promise<LoadedCommunity> {
    await this.access.require(viewer, input.communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.access.lock(manager, input.communityId);
      if (community.lifecycle === input.lifecycle) return;
      if (!LIFECYCLE_MOVES[community.lifecycle].includes(input.lifecycle)) {
        throw ValidationError.field('lifecycle', `A community in ${community.lifecycle.toLowerCase()} cannot move to ${input.lifecycle.toLowerCase()}.`);
      }
      if (input.lifecycle === CommunityLifecycle.Pilot && (await this.cohorts.attachedCount(manager, community.id)) === 0) {
        throw ValidationError.field('lifecycle', 'Attach a pilot cohort before starting the pilot.');
      }
      const before = community.lifecycle;
      community.lifecycle = input.lifecycle;
      community.updatedAt = this.clock.now();
      await manager.save(community);
      await this.recordLifecycle(manager, viewer, 'community.lifecycle', community, before);
    });
    return this.access.visible(viewer, input.communityId);
  }

  /** Archived communities are read-only and stay findable by their members; restore returns them to where they were. */
  async archive(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    await this.access.require(viewer, communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.access.lock(manager, communityId);
      if (community.lifecycle === CommunityLifecycle.Archived) return;
      const now = this.clock.now();
      community.lifecycleBeforeArchive = community.lifecycle;
      community.lifecycle = CommunityLifecycle.Archived;
      community.archivedAt = now;
      community.updatedAt = now;
      await manager.save(community);
      await this.recordLifecycle(manager, viewer, 'community.archive', community, community.lifecycleBeforeArchive);
    });
    return this.access.visible(viewer, communityId);
  }

  async restore(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    await this.access.require(viewer, communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.access.lock(manager, communityId);
      if (community.lifecycle !== CommunityLifecycle.Archived) return;
      community.lifecycle = community.lifecycleBeforeArchive ?? CommunityLifecycle.Active;
      community.lifecycleBeforeArchive = null;
      community.archivedAt = null;
      community.updatedAt = this.clock.now();
      await manager.save(community);
      await this.recordLifecycle(manager, viewer, 'community.restore', community, CommunityLifecycle.Archived);
    });
    return this.access.visible(viewer, communityId);
  }

  private recordLifecycle(manager: EntityManager, viewer: Viewer, action: string, community: CommunityEntity, before: CommunityLifecycle | null): Promise<void> {
    return this.audit.record(manager, auditActorOf(viewer), {
      action,
      targetKind: 'community',
      targetId: community.id,
      communityId: community.id,
      before: { lifecycle: before },
      after: { lifecycle: community.lifecycle },
    });
  }

  /** A slug is taken by another community's current slug or one it used to have. */
  private async assertSlugFree(manager: EntityManager, slug: string, ownId: string | null): Promise<void> {
    const current = await manager.findOne(CommunityEntity, { where: { slug }, select: { id: true } });
    const former = await manager.findOne(CommunitySlugRedirectEntity, { where: { slug } });
    const holder = current?.id ?? former?.communityId;
    if (holder && holder !== ownId) throw new ConflictError('Another community already uses this address.', 'slug');
  }

  private async insertCommunity(manager: EntityManager, community: CommunityEntity): Promise<void> {
    try {
      await manager.insert(CommunityEntity, community);
    } catch (error) {
      throw this.slugRace(error);
    }
  }

  private async saveCommunity(manager: EntityManager, community: CommunityEntity): Promise<void> {
    try {
      await manager.save(community);
    } catch (error) {
      throw this.slugRace(error);
    }
  }

  /** Two communities racing for one slug: the unique index decides. */
  private slugRace(error: unknown): unknown {
    return (error as { code?: string }).code === '23505' ? new ConflictError('Another community already uses this address.', 'slug') : error;
  }
}

/** The settings that decide who can find and join a community and what it is for: changes to them are audited. */
function governedSettings(community: CommunityEntity) {
  const { slug, name, audiences, visibility, intent, useCases } = community;
  return { slug, name, audiences: [...audiences], visibility, intent, useCases: [...useCases] };
}
