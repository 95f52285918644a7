import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { AccountEntity } from '@commons/server-identity';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { FieldErrors, utcDate } from './community.mapper';
import { checkObjective } from './objective-rules';
import { ObjectiveEntity } from './entities/objective.entity';
import type { CreateObjectiveInput, UpdateObjectiveInput } from './dto/objective.inputs';

/** A community's objectives: managers set them; the metrics domain reads them to report progress. */
@Injectable()
export class ObjectivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communities: CommunityAccessService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(viewer: Viewer, input: CreateObjectiveInput): Promise<ObjectiveEntity> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    const errors = new FieldErrors();
    checkObjective(errors, '', input, { isNew: true, today: utcDate(this.clock.now()) });
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, input.communityId);
      this.communities.assertNotArchived(community);
      if (input.ownerId && !(await manager.exists(AccountEntity, { where: { id: input.ownerId } }))) {
        throw ValidationError.field('ownerId', 'This person was not found.');
      }
      const now = this.clock.now();
      const objective = manager.create(ObjectiveEntity, {
        id: uuidv7(now.getTime()),
        communityId: input.communityId,
        metricKey: input.metricKey,
        title: input.title ?? '',
        baseline: input.baseline,
        target: input.target,
        direction: input.direction,
        dueDate: input.dueDate,
        ownerId: input.ownerId ?? viewer.accountId,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(ObjectiveEntity, objective);
      await this.record(manager, viewer, 'objective.create', objective, null, objectiveTerms(objective));
      return objective;
    });
  }

  async update(viewer: Viewer, input: UpdateObjectiveInput): Promise<ObjectiveEntity> {
    const existing = await this.find(viewer, input.objectiveId);
    return this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, existing.communityId);
      this.communities.assertNotArchived(community);
      const objective = await manager.findOne(ObjectiveEntity, { where: { id: existing.id }, lock: { mode: 'pessimistic_write' } });
      if (!objective) throw new NotFoundError('The objective');
      const next = {
        metricKey: input.metricKey ?? objective.metricKey,
        title: input.title === undefined ? objective.title : (input.title ?? ''),
        baseline: input.baseline ?? objective.baseline,
        target: input.target ?? objective.target,
        direction: input.direction ?? objective.direction,
        dueDate: input.dueDate ?? objective.dueDate,
        ownerId: input.ownerId ?? objective.ownerId,
      };
      const errors = new FieldErrors();
      // Keeping a past due date is fine; moving one into the past is not.
      checkObjective(errors, '', next, { isNew: input.dueDate !== undefined && input.dueDate !== objective.dueDate, today: utcDate(this.clock.now()) });
      if (input.ownerId && !(await manager.exists(AccountEntity, { where: { id: input.ownerId } }))) errors.add('ownerId', 'This person was not found.');
      errors.throwIfAny();
      const before = objectiveTerms(objective);
      Object.assign(objective, next, { updatedAt: this.clock.now() });
      await manager.save(objective);
      await this.record(manager, viewer, 'objective.update', objective, before, objectiveTerms(objective));
      return objective;
    });
  }

  async delete(viewer: Viewer, objectiveId: string): Promise<string> {
    const objective = await this.find(viewer, objectiveId);
    await this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, objective.communityId);
      this.communities.assertNotArchived(community);
      await manager.delete(ObjectiveEntity, { id: objective.id });
      await this.record(manager, viewer, 'objective.delete', objective, objectiveTerms(objective), null);
    });
    return objective.communityId;
  }

  /** Objectives are what the steering committee holds a community to: every change is audited. */
  private record(manager: EntityManager, viewer: Viewer, action: string, objective: ObjectiveEntity, before: object | null, after: object | null): Promise<void> {
    return this.audit.record(manager, auditActorOf(viewer), { action, targetKind: 'objective', targetId: objective.id, communityId: objective.communityId, before, after });
  }

  /** The objective, if the viewer manages its community; NOT_FOUND when they cannot see it. */
  private async find(viewer: Viewer, id: string): Promise<ObjectiveEntity> {
    const objective = await this.dataSource.getRepository(ObjectiveEntity).findOne({ where: { id } });
    if (!objective) throw new NotFoundError('The objective');
    const loaded = await this.communities.visible(viewer, objective.communityId).catch(() => {
      throw new NotFoundError('The objective');
    });
    if (!this.communities.can(viewer, CommunityAction.ReadContent, loaded)) throw new NotFoundError('The objective');
    await this.communities.require(viewer, objective.communityId, CommunityAction.Manage);
    return objective;
  }
}

function objectiveTerms(o: ObjectiveEntity) {
  return { metricKey: o.metricKey, title: o.title, baseline: o.baseline, target: o.target, direction: o.direction, dueDate: o.dueDate, ownerId: o.ownerId };
}
