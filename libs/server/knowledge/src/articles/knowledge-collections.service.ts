import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, ForbiddenError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { ArticleAction } from './article-access';
import { ArticleRepository } from './article.repository';
import { ArticleScope } from './article-scope';
import { KnowledgeCollectionEntity } from './entities/knowledge-collection.entity';
import type { CreateKnowledgeCollectionInput, KnowledgeCollectionsArgs, UpdateKnowledgeCollectionInput } from './dto/article.inputs';

/** The tree of collections of each knowledge base (platform-wide, or a community's). */
@Injectable()
export class KnowledgeCollectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ArticleScope,
    private readonly repository: ArticleRepository,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, args: KnowledgeCollectionsArgs) {
    const access = await this.scope.readable(viewer, args.communityId);
    const page = await this.repository.collections(args.communityId ?? null, args.parentId ?? null, args);
    const viewerCanManage = this.scope.can(viewer, ArticleAction.Manage, { access });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, viewerCanManage } })) };
  }

  /** Whether the viewer runs this knowledge base; NOT_FOUND for a community they may not read. */
  async canManage(viewer: Viewer, communityId: string | null): Promise<boolean> {
    await this.scope.readable(viewer, communityId);
    return this.scope
      .managed(viewer, communityId)
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof ForbiddenError) return false;
        throw error;
      });
  }

  async get(viewer: Viewer, id: string) {
    const collection = await this.dataSource.getRepository(KnowledgeCollectionEntity).findOne({ where: { id } });
    if (!collection) throw new NotFoundError('The collection');
    const access = await this.scope.readable(viewer, collection.communityId).catch(() => {
      throw new NotFoundError('The collection');
    });
    return { ...collection, viewerCanManage: this.scope.can(viewer, ArticleAction.Manage, { access }) };
  }

  async create(viewer: Viewer, input: CreateKnowledgeCollectionInput) {
    await this.scope.managed(viewer, input.communityId);
    const communityId = input.communityId ?? null;
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.parentId) {
        const parent = await manager.findOne(KnowledgeCollectionEntity, { where: { id: input.parentId } });
        if (!parent || parent.communityId !== communityId) throw ValidationError.field('parentId', 'Choose a collection of the same knowledge base.');
      }
      const [{ next }]: Array<{ next: number }> = await manager.query(
        `SELECT coalesce(max(position) + 1, 0)::int AS next FROM knowledge_collections
          WHERE community_id IS NOT DISTINCT FROM $1 AND parent_id IS NOT DISTINCT FROM $2`,
        [communityId, input.parentId ?? null],
      );
      const now = this.clock.now();
      const row = manager.create(KnowledgeCollectionEntity, {
        id: uuidv7(now.getTime()),
        communityId,
        parentId: input.parentId ?? null,
        position: input.position ?? next,
        title: input.title,
        description: input.description,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(KnowledgeCollectionEntity, row);
      return row.id;
    });
    return this.get(viewer, id);
  }

  async update(viewer: Viewer, input: UpdateKnowledgeCollectionInput) {
    const collection = await this.get(viewer, input.collectionId);
    await this.scope.managed(viewer, collection.communityId);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(KnowledgeCollectionEntity, collection.id, {
        title: input.title ?? collection.title,
        description: input.description ?? collection.description,
        position: input.position ?? collection.position,
        updatedAt: this.clock.now(),
      });
    });
    return this.get(viewer, collection.id);
  }
}
