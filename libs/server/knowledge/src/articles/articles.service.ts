import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock, ConflictError, DomainEvents, ForbiddenError, NotFoundError, renderMarkdown, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import type { CommunityAccess } from '@commons/server-communities';
import { normalizeTag, TAGS_MAX } from '@commons/shared-contracts';
import { AccountEntity } from '@commons/server-identity';
import { KnowledgeEvent } from '../knowledge-events';
import { ArticleAction, type ArticleResource } from './article-access';
import { ArticleScope } from './article-scope';
import { ArticleState, DEFAULT_REVIEW_PERIOD_DAYS } from './article-states';
import { lineDiff } from './line-diff';
import { KnowledgeArticleEntity } from './entities/knowledge-article.entity';
import { KnowledgeArticleVersionEntity } from './entities/knowledge-article-version.entity';
import { KnowledgeCollectionEntity } from './entities/knowledge-collection.entity';
import type {
  CreateKnowledgeArticleInput,
  KnowledgeArticleRevisionInput,
  PublishKnowledgeArticleInput,
  ReviewKnowledgeArticleInput,
  UpdateKnowledgeArticleInput,
} from './dto/article.inputs';

const DAY_MS = 86_400_000;

/** An article with the viewer's facts for its scope. */
export interface LoadedArticle {
  article: KnowledgeArticleEntity;
  access: CommunityAccess | null;
}

export const articleResource = (access: CommunityAccess | null, a: KnowledgeArticleEntity): ArticleResource => ({
  access,
  ownerIds: a.ownerIds,
  reviewerIds: a.reviewerIds,
  sharedExternally: a.sharedExternally,
});

/** Readers see an article once a version was published, until it is archived. */
export const isLive = (a: KnowledgeArticleEntity) => a.publishedVersion > 0 && a.state !== ArticleState.Archived;

/**
 * Knowledge articles: a working draft of the next version with optimistic concurrency, the
 * review workflow, versions on publication, periodic reviews.
 */
@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ArticleScope,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * An article as the viewer may see it: live articles to their readers, the working copy and
   * archived ones to owners, reviewers and publishers. Anything else is NOT_FOUND.
   */
  async get(viewer: Viewer, id: string): Promise<LoadedArticle> {
    const article = await this.dataSource.getRepository(KnowledgeArticleEntity).findOne({ where: { id } });
    if (!article) throw new NotFoundError('The article');
    const access = await this.scope.access(viewer, article.communityId, 'The article');
    const resource = articleResource(access, article);
    const reads = isLive(article) && this.scope.can(viewer, ArticleAction.Read, resource);
    if (!reads && !this.scope.can(viewer, ArticleAction.ReadDraft, resource)) throw new NotFoundError('The article');
    return { article, access };
  }

  /** Starts an article as a draft (publishers of the scope); its creator owns it. */
  async create(viewer: Viewer, input: CreateKnowledgeArticleInput, sourceThreadId: string | null = null): Promise<LoadedArticle> {
    const access = await this.scope.managed(viewer, input.communityId);
    const communityId = input.communityId ?? null;
    if (communityId && input.sharedExternally) throw ValidationError.field('sharedExternally', "Community articles reach the community's own audiences.");
    const tags = this.tags(input.tags);
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.collectionId) await this.assertCollection(manager, input.collectionId, communityId);
      const ownerIds = [...new Set([viewer.accountId, ...input.ownerIds])];
      const reviewerIds = [...new Set(input.reviewerIds)];
      await this.assertAccounts(manager, 'ownerIds', ownerIds);
      await this.assertAccounts(manager, 'reviewerIds', reviewerIds);
      const now = this.clock.now();
      const article = manager.create(KnowledgeArticleEntity, {
        id: uuidv7(now.getTime()),
        communityId,
        collectionId: input.collectionId ?? null,
        kind: input.kind,
        state: ArticleState.Draft,
        sharedExternally: input.sharedExternally,
        ownerIds,
        reviewerIds,
        tags,
        title: '',
        body: '',
        bodyHtml: '',
        publishedVersion: 0,
        publishedAt: null,
        draftTitle: input.title,
        draftBody: input.body,
        draftBodyHtml: renderMarkdown(input.body),
        revision: 1,
        approvedRevision: null,
        approvedBy: null,
        reviewComment: null,
        reviewPeriodDays: input.reviewPeriodDays ?? DEFAULT_REVIEW_PERIOD_DAYS,
        lastReviewedAt: null,
        reviewDueAt: null,
        reviewRemindedFor: null,
        sourceThreadId,
        helpfulCount: 0,
        notHelpfulCount: 0,
        viewCount: 0,
        createdBy: viewer.accountId,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(KnowledgeArticleEntity, article);
      return article.id;
    });
    return { article: await this.reload(id), access };
  }

  /**
   * Saves the working copy. Title and body changes make it a draft of the next version again (an
   * earlier approval no longer covers it); who owns and reviews it, and sharing, are the
   * publishers' to change, so an owner cannot drop the reviewers to skip the review.
   */
  async update(viewer: Viewer, input: UpdateKnowledgeArticleInput): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, input.articleId);
    this.scope.assert(viewer, ArticleAction.Edit, articleResource(access, article), 'Only its owners edit this article.');
    const people = input.ownerIds != null || input.reviewerIds != null || input.sharedExternally != null;
    if (people) this.scope.assert(viewer, ArticleAction.Publish, articleResource(access, article), 'Only its publishers change who owns or reviews an article and who reads it.');
    if (article.communityId && input.sharedExternally) throw ValidationError.field('sharedExternally', "Community articles reach the community's own audiences.");
    const tags = input.tags ? this.tags(input.tags) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, input.revision);
      if (row.state === ArticleState.Archived) throw new ForbiddenError('This article is archived.');
      if (input.collectionId) await this.assertCollection(manager, input.collectionId, row.communityId);
      if (input.ownerIds) await this.assertAccounts(manager, 'ownerIds', input.ownerIds);
      if (input.reviewerIds) await this.assertAccounts(manager, 'reviewerIds', input.reviewerIds);
      if (input.ownerIds && input.ownerIds.length === 0) throw ValidationError.field('ownerIds', 'An article needs an owner.');
      const content = (input.title != null && input.title !== row.draftTitle) || (input.body != null && input.body !== row.draftBody);
      Object.assign(row, {
        draftTitle: input.title ?? row.draftTitle,
        draftBody: input.body ?? row.draftBody,
        draftBodyHtml: input.body != null ? renderMarkdown(input.body) : row.draftBodyHtml,
        kind: input.kind ?? row.kind,
        tags: tags ?? row.tags,
        collectionId: input.collectionId ?? row.collectionId,
        ownerIds: input.ownerIds ? [...new Set(input.ownerIds)] : row.ownerIds,
        reviewerIds: input.reviewerIds ? [...new Set(input.reviewerIds)] : row.reviewerIds,
        sharedExternally: input.sharedExternally ?? row.sharedExternally,
        reviewPeriodDays: input.reviewPeriodDays ?? row.reviewPeriodDays,
        state: content ? ArticleState.Draft : row.state,
        // Filing, tags or the review period are no part of what a reviewer approved.
        approvedRevision: !content && row.approvedRevision === row.revision ? row.revision + 1 : row.approvedRevision,
        revision: row.revision + 1,
        updatedAt: this.clock.now(),
      });
      if (input.reviewPeriodDays != null && row.lastReviewedAt) row.reviewDueAt = new Date(row.lastReviewedAt.getTime() + row.reviewPeriodDays * DAY_MS);
      await manager.save(row);
    });
    return { article: await this.reload(article.id), access };
  }

  /** Asks the reviewers to look at the working copy. */
  async submit(viewer: Viewer, input: KnowledgeArticleRevisionInput): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, input.articleId);
    this.scope.assert(viewer, ArticleAction.Edit, articleResource(access, article), 'Only its owners submit this article for review.');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, input.revision);
      if (row.state !== ArticleState.Draft) throw new ConflictError('Only a draft can be submitted for review.', 'state');
      if (row.reviewerIds.length === 0) throw ValidationError.field('reviewerIds', 'This article has no reviewers; a publisher can publish it directly.');
      if (!row.draftBody.trim()) throw ValidationError.field('body', 'Write the article before submitting it.');
      Object.assign(row, { state: ArticleState.InReview, reviewComment: null, revision: row.revision + 1, updatedAt: this.clock.now() });
      await manager.save(row);
      await this.events.record(manager, {
        type: KnowledgeEvent.ArticleReviewRequested,
        communityId: row.communityId,
        subjectId: row.id,
        payload: { articleId: row.id, reviewerIds: row.reviewerIds },
      });
    });
    return { article: await this.reload(article.id), access };
  }

  /** A reviewer approves the submitted revision, or sends it back to its owners with a comment. */
  async review(viewer: Viewer, input: ReviewKnowledgeArticleInput): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, input.articleId);
    this.scope.assert(viewer, ArticleAction.Review, articleResource(access, article), "Only the article's reviewers review it.");
    if (!input.approve && !input.comment) throw ValidationError.field('comment', 'Say what to change when sending it back.');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, input.revision);
      if (row.state !== ArticleState.InReview) throw new ConflictError('This article is not waiting for a review.', 'state');
      const now = this.clock.now();
      if (input.approve) Object.assign(row, { approvedRevision: row.revision, approvedBy: viewer.accountId, reviewComment: input.comment ?? null, updatedAt: now });
      else Object.assign(row, { state: ArticleState.Draft, approvedRevision: null, approvedBy: null, reviewComment: input.comment, revision: row.revision + 1, updatedAt: now });
      await manager.save(row);
      await this.events.record(manager, {
        type: KnowledgeEvent.ArticleReviewed,
        communityId: row.communityId,
        subjectId: row.id,
        payload: { articleId: row.id, ownerIds: row.ownerIds, approved: input.approve, reviewerId: viewer.accountId },
      });
    });
    return { article: await this.reload(article.id), access };
  }

  /**
   * Publishes the working copy as the next version. Articles with reviewers need a reviewer's
   * approval of this very revision; the programme team (platform-wide) or the community's
   * managers publish.
   */
  async publish(viewer: Viewer, input: PublishKnowledgeArticleInput): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, input.articleId);
    this.scope.assert(viewer, ArticleAction.Publish, articleResource(access, article), article.communityId ? "Only the community's managers publish its articles." : 'Only the programme team publishes platform-wide articles.');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, input.revision);
      if (row.state === ArticleState.Archived) throw new ForbiddenError('This article is archived.');
      if (row.state === ArticleState.Published) throw new ConflictError('Nothing changed since the last version.', 'revision');
      if (row.reviewerIds.length > 0 && row.approvedRevision !== row.revision) {
        throw new ForbiddenError('This article needs a reviewer to approve this draft before it is published.');
      }
      if (!row.draftBody.trim()) throw ValidationError.field('body', 'Write the article before publishing it.');
      const now = this.clock.now();
      const version = manager.create(KnowledgeArticleVersionEntity, {
        id: uuidv7(now.getTime()),
        articleId: row.id,
        number: row.publishedVersion + 1,
        authorId: viewer.accountId,
        changeNote: input.changeNote,
        title: row.draftTitle,
        body: row.draftBody,
        bodyHtml: row.draftBodyHtml,
        createdAt: now,
      });
      await manager.insert(KnowledgeArticleVersionEntity, version);
      Object.assign(row, {
        title: version.title,
        body: version.body,
        bodyHtml: version.bodyHtml,
        publishedVersion: version.number,
        publishedAt: now,
        state: ArticleState.Published,
        reviewComment: null,
        revision: row.revision + 1,
        // The approval covered what is now published; the next draft needs its own.
        approvedRevision: null,
        approvedBy: null,
        // A published version is a reviewed one.
        lastReviewedAt: now,
        reviewDueAt: new Date(now.getTime() + row.reviewPeriodDays * DAY_MS),
        updatedAt: now,
      });
      await manager.save(row);
      await this.events.record(manager, {
        type: KnowledgeEvent.ArticlePublished,
        communityId: row.communityId,
        subjectId: row.id,
        payload: { articleId: row.id, versionId: version.id, versionNumber: version.number },
      });
    });
    return { article: await this.reload(article.id), access };
  }

  /** Takes an article away from readers (its publishers); versions stay. */
  async archive(viewer: Viewer, articleId: string): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, articleId);
    this.scope.assert(viewer, ArticleAction.Publish, articleResource(access, article), 'Only its publishers archive this article.');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, null);
      Object.assign(row, { state: ArticleState.Archived, revision: row.revision + 1, updatedAt: this.clock.now() });
      await manager.save(row);
    });
    return { article: await this.reload(article.id), access };
  }

  /** An owner confirms the published content is still right: the review clock starts again. */
  async markReviewed(viewer: Viewer, articleId: string): Promise<LoadedArticle> {
    const { article, access } = await this.get(viewer, articleId);
    this.scope.assert(viewer, ArticleAction.Edit, articleResource(access, article), 'Only its owners mark this article reviewed.');
    if (!isLive(article)) throw new ConflictError('Only a published article is reviewed.', 'state');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, article.id, null);
      const now = this.clock.now();
      Object.assign(row, { lastReviewedAt: now, reviewDueAt: new Date(now.getTime() + row.reviewPeriodDays * DAY_MS) });
      await manager.save(row);
    });
    return { article: await this.reload(article.id), access };
  }

  async version(articleId: string, number: number): Promise<KnowledgeArticleVersionEntity> {
    const version = await this.dataSource.getRepository(KnowledgeArticleVersionEntity).findOne({ where: { articleId, number } });
    if (!version) throw ValidationError.field('version', `There is no version ${number}.`);
    return version;
  }

  /** A line diff of two published versions (of the title and of the Markdown). */
  async diff(articleId: string, from: number, to: number) {
    const versions = await this.dataSource.getRepository(KnowledgeArticleVersionEntity).find({ where: { articleId, number: In([from, to]) } });
    const a = versions.find((v) => v.number === from);
    const b = versions.find((v) => v.number === to);
    if (!a) throw ValidationError.field('from', `There is no version ${from}.`);
    if (!b) throw ValidationError.field('to', `There is no version ${to}.`);
    return { from, to, title: lineDiff(a.title, b.title), lines: lineDiff(a.body, b.body) };
  }

  private async reload(id: string): Promise<KnowledgeArticleEntity> {
    return this.dataSource.getRepository(KnowledgeArticleEntity).findOneOrFail({ where: { id } });
  }

  /** Locks the row; with a revision, refuses when the working copy moved on meanwhile. */
  private async lock(manager: EntityManager, id: string, revision: number | null): Promise<KnowledgeArticleEntity> {
    const row = await manager.findOne(KnowledgeArticleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError('The article');
    if (revision !== null && row.revision !== revision) throw new ConflictError('This article changed since you opened it; reload it to continue.', 'revision');
    return row;
  }

  private tags(raw: string[]): string[] {
    const tags = [...new Set(raw.map(normalizeTag))];
    if (tags.some((t) => t === '')) throw ValidationError.field('tags', 'Tags need letters or digits.');
    if (tags.length > TAGS_MAX) throw ValidationError.field('tags', `Use at most ${TAGS_MAX} tags.`);
    return tags;
  }

  private async assertCollection(manager: EntityManager, collectionId: string, communityId: string | null): Promise<void> {
    const collection = await manager.findOne(KnowledgeCollectionEntity, { where: { id: collectionId } });
    if (!collection || collection.communityId !== communityId) throw ValidationError.field('collectionId', 'Choose a collection of the same knowledge base.');
  }

  private async assertAccounts(manager: EntityManager, field: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await manager.count(AccountEntity, { where: { id: In(ids) } });
    if (found !== new Set(ids).size) throw ValidationError.field(field, 'Some of these people were not found.');
  }
}
