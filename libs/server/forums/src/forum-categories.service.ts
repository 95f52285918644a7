import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, ConflictError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { slugFromName } from '@commons/shared-contracts';
import type { CommunityAccess } from '@commons/server-communities';
import { ForumAction } from './forum-access';
import { ForumContent } from './forum-content';
import { ForumCategoryEntity } from './entities/forum-category.entity';
import type { ForumCategoryInput } from './dto/forum.inputs';

/** A community's forum categories; managers create and order them. "General" appears with the first thread. */
@Injectable()
export class ForumCategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ForumContent,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Viewer, communityId: string): Promise<{ access: CommunityAccess; categories: ForumCategoryEntity[] }> {
    const access = await this.content.readable(viewer, communityId, 'The community');
    const categories = await this.dataSource.getRepository(ForumCategoryEntity).find({ where: { communityId }, order: { position: 'ASC', name: 'ASC' } });
    return { access, categories };
  }

  async create(viewer: Viewer, input: ForumCategoryInput): Promise<{ access: CommunityAccess; category: ForumCategoryEntity }> {
    const access = await this.content.readable(viewer, input.communityId, 'The community');
    this.content.assert(viewer, ForumAction.Manage, access);
    const slug = slugFromName(input.name);
    if (!slug) throw ValidationError.field('name', 'Use letters or digits in the name.');
    const category = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`forum-categories:${input.communityId}`]);
      if (await manager.exists(ForumCategoryEntity, { where: { communityId: input.communityId, slug } })) {
        throw new ConflictError('This community already has a category with that name.', 'name');
      }
      const created = await this.insert(manager, input.communityId, input.name, input.description ?? '', slug);
      await this.audit.record(manager, auditActorOf(viewer), { action: 'category.create', targetKind: 'forum-category', targetId: created.id, communityId: input.communityId, after: { name: created.name, slug } });
      return created;
    });
    return { access, category };
  }

  /** The category, if it belongs to the community; BAD_USER_INPUT otherwise. */
  async inCommunity(manager: EntityManager, communityId: string, categoryId: string): Promise<ForumCategoryEntity> {
    const category = await manager.findOne(ForumCategoryEntity, { where: { id: categoryId, communityId } });
    if (!category) throw ValidationError.field('categoryId', 'Choose a category of this community.');
    return category;
  }

  /**
   * The community's "General" category, created on first use. The lock is only taken to create
   * it: held to the end of the transaction, it would make every new thread in the community
   * wait for the one before to commit.
   */
  async general(manager: EntityManager, communityId: string): Promise<ForumCategoryEntity> {
    const find = () => manager.findOne(ForumCategoryEntity, { where: { communityId, slug: 'general' } });
    const existing = await find();
    if (existing) return existing;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`forum-categories:${communityId}`]);
    return (await find()) ?? this.insert(manager, communityId, 'General', 'Everything that has no better place.', 'general');
  }

  private async insert(manager: EntityManager, communityId: string, name: string, description: string, slug: string): Promise<ForumCategoryEntity> {
    const [{ next }] = await manager.query('SELECT coalesce(max(position), 0) + 1 AS next FROM forum_categories WHERE community_id = $1', [communityId]);
    const now = this.clock.now();
    const category = manager.create(ForumCategoryEntity, { id: uuidv7(now.getTime()), communityId, name, slug, description, position: Number(next), createdAt: now, updatedAt: now });
    await manager.insert(ForumCategoryEntity, category);
    return category;
  }
}
