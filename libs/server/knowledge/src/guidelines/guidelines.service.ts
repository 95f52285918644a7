import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthorizationService, Clock, ConflictError, DomainEvents, NotFoundError, renderMarkdown, uuidv7, type Viewer } from '@commons/server-core';
import { CommunityAccessService } from '@commons/server-communities';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { PlatformRole } from '@commons/shared-contracts';
import { KnowledgeEvent } from '../knowledge-events';
import { isProgrammeTeam } from '../knowledge-roles';
import { GuidelineAction, type GuidelineResource } from './guideline-access';
import { GuidelineRepository, type GuidelineRow, type GuidelineVersionRow } from './guideline.repository';
import type { AcknowledgeGuidelineInput, CreateGuidelineInput, PublishGuidelineVersionInput, SaveGuidelineDraftInput } from './dto/guideline.inputs';
import type { GuidelineType } from './dto/guideline.types';
import { GuidelineEntity } from './entities/guideline.entity';
import { GuidelineVersionEntity } from './entities/guideline-version.entity';

/** The web client's page of a guideline. */
export const guidelinePath = (key: string) => `/knowledge/guidelines/${encodeURIComponent(key)}`;

/** Whether the viewer sees every guideline (the programme team and steering), not only those addressed to them. */
const seesEverything = (viewer: Viewer) => isProgrammeTeam(viewer) || viewer.role === PlatformRole.Steering;

/**
 * Guidelines and acknowledgements: the programme team (or a community's managers) drafts and
 * publishes versions, material or editorial; everyone in a guideline's audience acknowledges
 * the latest material version (or a later one).
 */
@Injectable()
export class GuidelinesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: GuidelineRepository,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** The rules' resource for a guideline, with the viewer's facts of its community. */
  async resourceOf(viewer: Viewer, guideline: { audiences: GuidelineResource['audiences']; communityId: string | null }): Promise<GuidelineResource> {
    return {
      audiences: guideline.audiences,
      communityId: guideline.communityId,
      community: guideline.communityId ? await this.communities.facts(viewer, guideline.communityId) : null,
    };
  }

  toType(viewer: Viewer, row: GuidelineRow, resource: GuidelineResource): GuidelineType {
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      audiences: row.audiences,
      communityId: row.communityId,
      currentVersion: row.current,
      requiredVersionId: row.requiredVersionId,
      requiredVersionNumber: row.requiredNumber,
      viewerAcknowledgedVersionId: row.viewerAcknowledgedVersionId,
      viewerAcknowledgedVersionNumber: row.viewerAcknowledgedNumber,
      viewerAcknowledgedAt: row.viewerAcknowledgedAt,
      // Addressed to the viewer: their audience and, for a community's guidelines, its members.
      viewerMustAcknowledge: mustAcknowledge(row) && row.audiences.includes(viewer.audience) && (row.communityId === null || (resource.community?.role ?? null) !== null),
      viewerCanManage: this.authorization.can(viewer, GuidelineAction.Manage, resource),
      viewerCanSeeCompliance: this.authorization.can(viewer, GuidelineAction.SeeCompliance, resource),
    };
  }

  /** A guideline the viewer may read, by key or id; NOT_FOUND otherwise (as if it did not exist). */
  async readable(viewer: Viewer, by: { key: string } | { id: string }): Promise<{ row: GuidelineRow; resource: GuidelineResource }> {
    const row = 'key' in by ? await this.repository.byKey(viewer, by.key) : await this.repository.byId(viewer, by.id);
    if (!row) throw new NotFoundError('The guideline');
    const resource = await this.resourceOf(viewer, row);
    if (!this.authorization.can(viewer, GuidelineAction.Read, resource)) throw new NotFoundError('The guideline');
    return { row, resource };
  }

  async guideline(viewer: Viewer, key: string): Promise<GuidelineType> {
    const { row, resource } = await this.readable(viewer, { key });
    return this.toType(viewer, row, resource);
  }

  /** Guidelines the viewer may read, by title. Community guidelines appear to their members (all of them to the programme team and steering). */
  async list(viewer: Viewer, args: ConnectionArgs, pendingOnly: boolean) {
    const after = decodeCursor(args.after);
    const everything = seesEverything(viewer);
    const rows = await this.repository.page(viewer, { everything, pendingOnly, first: args.first, after });
    const communityIds = [...new Set(rows.map((r) => r.communityId).filter((id): id is string => id !== null))];
    const facts = communityIds.length > 0 ? await this.communities.factsMany(viewer, communityIds) : new Map();
    const page = toConnection(rows, args.first, (r) => [r.sortTitle, r.id], after !== undefined);
    const totalCount = pendingOnly ? await this.repository.countPending(viewer) : await this.repository.countVisible(viewer, everything);
    return {
      ...page,
      totalCount,
      edges: page.edges.map((e) => {
        const resource: GuidelineResource = { audiences: e.node.audiences, communityId: e.node.communityId, community: e.node.communityId ? (facts.get(e.node.communityId) ?? null) : null };
        return { cursor: e.cursor, node: this.toType(viewer, e.node, resource) };
      }),
    };
  }

  /** Published versions, newest first. */
  async versions(viewer: Viewer, guidelineId: string, args: ConnectionArgs) {
    await this.readable(viewer, { id: guidelineId });
    const after = decodeCursor(args.after);
    const afterNumber = after ? Number(after[0]) : null;
    const rows = await this.repository.versions(guidelineId, args.first, afterNumber !== null && Number.isInteger(afterNumber) ? afterNumber : null);
    return toConnection(rows, args.first, (r) => [r.number, r.id], after !== undefined);
  }

  /** The next version being written, for those who manage the guideline. */
  async draft(viewer: Viewer, guidelineId: string): Promise<GuidelineVersionRow | null> {
    const { resource } = await this.readable(viewer, { id: guidelineId });
    this.authorization.assert(viewer, GuidelineAction.Manage, resource);
    return this.repository.draft(this.dataSource.manager, guidelineId);
  }

  async create(viewer: Viewer, input: CreateGuidelineInput): Promise<GuidelineType> {
    const communityId = input.communityId ?? null;
    // A community the viewer may not see is NOT_FOUND, as everywhere.
    const community = communityId ? (await this.communities.visible(viewer, communityId)).access : null;
    const resource: GuidelineResource = { audiences: input.audiences, communityId, community };
    this.authorization.assert(viewer, GuidelineAction.Manage, resource);
    const now = this.clock.now();
    const id = uuidv7();
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(GuidelineEntity, {
          id,
          key: input.key,
          title: input.title,
          sortTitle: input.title.toLowerCase(),
          audiences: [...new Set(input.audiences)],
          communityId,
          currentVersionId: null,
          requiredVersionId: null,
          requiredNumber: null,
          createdById: viewer.accountId,
          createdAt: now,
          updatedAt: now,
        });
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConflictError('Another guideline already uses this key.', 'key');
      throw error;
    }
    const row = await this.repository.byId(viewer, id);
    return this.toType(viewer, row as GuidelineRow, resource);
  }

  /** Writes the draft of the next version (creating it when there is none). */
  async saveDraft(viewer: Viewer, input: SaveGuidelineDraftInput): Promise<GuidelineVersionRow> {
    const { resource } = await this.readable(viewer, { id: input.guidelineId });
    this.authorization.assert(viewer, GuidelineAction.Manage, resource);
    const now = this.clock.now();
    const bodyHtml = renderMarkdown(input.body);
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, input.guidelineId);
      const draft = await this.repository.draft(manager, input.guidelineId);
      if (draft) {
        await manager.update(GuidelineVersionEntity, { id: draft.id }, { body: input.body, bodyHtml, changeNote: input.changeNote, authorId: viewer.accountId, updatedAt: now });
        return (await this.repository.version(manager, draft.id)) as GuidelineVersionRow;
      }
      const last: Array<{ number: number | null }> = await manager.query(`SELECT max(number) AS number FROM guideline_versions WHERE guideline_id = $1`, [input.guidelineId]);
      const id = uuidv7();
      await manager.insert(GuidelineVersionEntity, {
        id,
        guidelineId: input.guidelineId,
        number: (last[0]?.number ?? 0) + 1,
        body: input.body,
        bodyHtml,
        changeNote: input.changeNote,
        material: false,
        authorId: viewer.accountId,
        publishedById: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      return (await this.repository.version(manager, id)) as GuidelineVersionRow;
    });
  }

  /**
   * Publishes the draft. A material version becomes the one to acknowledge, asking everyone in
   * the audience again; an editorial one only becomes what readers see. The first version is
   * always material: there is nothing acknowledged before it.
   */
  async publish(viewer: Viewer, input: PublishGuidelineVersionInput): Promise<GuidelineType> {
    const { resource } = await this.readable(viewer, { id: input.guidelineId });
    this.authorization.assert(viewer, GuidelineAction.Manage, resource);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const guideline = await this.lock(manager, input.guidelineId);
      const version = await this.repository.version(manager, input.versionId);
      if (!version || version.guidelineId !== input.guidelineId) throw new NotFoundError('The version');
      if (version.publishedAt) throw new ConflictError(`Version ${version.number} is already published.`);
      if (!version.body.trim()) throw new ConflictError('Write the version before publishing it.', 'body');
      const material = input.material || guideline.requiredVersionId === null;
      await manager.update(GuidelineVersionEntity, { id: version.id }, { material, publishedAt: now, publishedById: viewer.accountId, updatedAt: now });
      await manager.update(
        GuidelineEntity,
        { id: guideline.id },
        material ? { currentVersionId: version.id, requiredVersionId: version.id, requiredNumber: version.number, updatedAt: now } : { currentVersionId: version.id, updatedAt: now },
      );
      await this.events.record(manager, {
        type: KnowledgeEvent.GuidelineVersionPublished,
        communityId: guideline.communityId,
        subjectId: guideline.id,
        payload: { guidelineId: guideline.id, versionId: version.id, material },
      });
    });
    const row = await this.repository.byId(viewer, input.guidelineId);
    return this.toType(viewer, row as GuidelineRow, resource);
  }

  /**
   * Records that the viewer read and acknowledges a version: the one to acknowledge or a later
   * (editorial) one. Idempotent. An older version is a CONFLICT carrying the current version id.
   */
  async acknowledge(viewer: Viewer, input: AcknowledgeGuidelineInput): Promise<GuidelineType> {
    const { resource } = await this.readable(viewer, { id: input.guidelineId });
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const guideline = await manager.findOne(GuidelineEntity, { where: { id: input.guidelineId }, lock: { mode: 'pessimistic_read' } });
      const version = await this.repository.version(manager, input.versionId);
      if (!guideline || !version || version.guidelineId !== input.guidelineId || !version.publishedAt) throw new NotFoundError('The version');
      if (guideline.requiredNumber !== null && version.number < guideline.requiredNumber) {
        const error = new ConflictError(`Version ${version.number} is outdated; read and acknowledge the current version.`);
        error.details['currentVersionId'] = guideline.currentVersionId;
        error.details['requiredVersionId'] = guideline.requiredVersionId;
        throw error;
      }
      const inserted: unknown[] = await manager.query(
        `INSERT INTO guideline_acknowledgements (version_id, account_id, guideline_id, version_number, acknowledged_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING version_id`,
        [version.id, viewer.accountId, guideline.id, version.number, now],
      );
      if (inserted.length === 0) return;
      await this.events.record(manager, {
        type: KnowledgeEvent.GuidelineAcknowledged,
        communityId: guideline.communityId,
        subjectId: guideline.id,
        payload: { guidelineId: guideline.id, versionId: version.id, accountId: viewer.accountId },
      });
    });
    const row = await this.repository.byId(viewer, input.guidelineId);
    return this.toType(viewer, row as GuidelineRow, resource);
  }

  /** Locks the guideline for the rest of the transaction: one draft and one publication at a time. */
  private async lock(manager: EntityManager, id: string): Promise<GuidelineEntity> {
    const guideline = await manager.findOne(GuidelineEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!guideline) throw new NotFoundError('The guideline');
    return guideline;
  }
}

/** There is a version to acknowledge, and the viewer's latest acknowledgement is older. */
function mustAcknowledge(row: GuidelineRow): boolean {
  return row.requiredNumber !== null && (row.viewerAcknowledgedNumber === null || row.viewerAcknowledgedNumber < row.requiredNumber);
}
