import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, AuthorizationService, Clock, ConflictError, DomainEvents, ForbiddenError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { ForumContent } from '@commons/server-forums';
import { AccountEntity } from '@commons/server-identity';
import { BlogAuthors, BlogPostState, ContentKind, ModerationState, normalizeTag, slugFromName, UseCase } from '@commons/shared-contracts';
import type { BlogPostPlacement } from './blog-moderation-sources';
import { BlogAction, type BlogResource } from './blog-access';
import { announceIfAppeared, commentCreated, postPublished } from './blog-events';
import { BlogRepository, type BlogPostRow, type PostListArgs } from './blog.repository';
import { BlogCommentEntity } from './entities/blog-comment.entity';
import { BlogPostEntity } from './entities/blog-post.entity';
import { BlogSettingsEntity } from './entities/blog-settings.entity';
import type { BlogCommentInput, BlogPostLookupArgs, BlogSettingsInput, CreateBlogPostInput, PublishBlogPostInput, UpdateBlogPostInput } from './dto/blog.inputs';

const RESERVED_SLUGS = new Set(['new', 'drafts', 'edit']);

export interface LoadedPost {
  post: BlogPostRow;
  access: CommunityAccess;
}

/** Community blogs: drafts with autosave and versions, scheduled publishing, comments. */
@Injectable()
export class BlogsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: BlogRepository,
    private readonly communities: CommunityAccessService,
    private readonly content: ForumContent,
    private readonly authorization: AuthorizationService,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Who writes in a community's blog, as the viewer may know it. */
  async settings(viewer: Viewer, communityId: string): Promise<{ access: CommunityAccess; authors: BlogAuthors }> {
    const access = await this.readable(viewer, communityId, 'The community');
    const row = await this.dataSource.getRepository(BlogSettingsEntity).findOne({ where: { communityId } });
    return { access, authors: row?.authors ?? BlogAuthors.Managers };
  }

  async updateSettings(viewer: Viewer, input: BlogSettingsInput) {
    const { access, authors } = await this.settings(viewer, input.communityId);
    this.authorization.assert(viewer, BlogAction.Manage, { access, authors: input.authors } satisfies BlogResource);
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(BlogSettingsEntity, { communityId: input.communityId, authors: input.authors, updatedAt: this.clock.now() }, ['communityId']);
      if (authors !== input.authors) {
        await this.audit.record(manager, auditActorOf(viewer), { action: 'blog.settings', targetKind: 'blog', targetId: input.communityId, communityId: input.communityId, before: { authors }, after: { authors: input.authors } });
      }
    });
    return { access, authors: input.authors };
  }

  /**
   * A post as the viewer may see it: published posts to readers of the community; drafts,
   * scheduled and unpublished posts to their authors and the community's managers only.
   * Anything else is NOT_FOUND, exactly like a missing post.
   */
  async get(viewer: Viewer, lookup: BlogPostLookupArgs): Promise<LoadedPost> {
    const id = lookup.id ?? (lookup.communityId && lookup.slug ? await this.repository.idBySlug(lookup.communityId, lookup.slug) : null);
    if (!lookup.id && !(lookup.communityId && lookup.slug)) throw ValidationError.field('id', 'Give an id, or a community and a slug.');
    const post = id ? await this.repository.post(viewer.accountId, id) : null;
    if (!post) throw new NotFoundError('The post');
    const access = await this.readable(viewer, post.communityId, 'The post');
    const live = post.state === BlogPostState.Published && post.publishedAt !== null && post.publishedAt <= this.clock.now();
    if (!live && !this.authorization.can(viewer, BlogAction.EditPost, this.resource(access, post))) throw new NotFoundError('The post');
    // Awaiting review (or rejected): its authors and the community's moderators only.
    if (post.moderationState !== ModerationState.Visible && !this.authorization.can(viewer, BlogAction.EditPost, this.resource(access, post)) && !this.authorization.can(viewer, BlogAction.Moderate, this.resource(access, post))) {
      throw new NotFoundError('The post');
    }
    return { post, access };
  }

  /** Starts a draft; only its authors see it until it is published. */
  async create(viewer: Viewer, input: CreateBlogPostInput): Promise<LoadedPost> {
    const loaded = await this.communities.visible(viewer, input.communityId);
    const { access, authors } = await this.settings(viewer, input.communityId);
    if (!loaded.community.useCases.includes(UseCase.Blogs)) throw new ForbiddenError('This community does not have a blog.');
    this.assert(viewer, BlogAction.Write, { access, authors }, authors === BlogAuthors.Managers ? 'Only the managers write in this blog.' : 'You cannot write in this blog.');
    const tags = this.content.tags(input.tags);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertAccounts(manager, input.coAuthorIds);
      // Drafts are private to their authors: the policy judges a post when it is published.
      const now = this.clock.now();
      const postId = uuidv7(now.getTime());
      const post = manager.create(BlogPostEntity, {
        id: postId,
        communityId: input.communityId,
        authorId: viewer.accountId,
        coAuthorIds: input.coAuthorIds.filter((a) => a !== viewer.accountId),
        slug: await this.freeSlug(manager, input.communityId, input.title),
        title: input.title,
        body: input.body,
        bodyHtml: await this.content.renderPost(manager, input.communityId, postId, input.body, 'blog'),
        excerpt: input.excerpt,
        coverImageUrl: input.coverImageUrl ?? null,
        tags,
        state: BlogPostState.Draft,
        publishedAt: null,
        commentCount: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await manager.insert(BlogPostEntity, post);
      return post.id;
    });
    return this.get(viewer, { id });
  }

  /** Edits and autosaves; a version older than the stored one is a CONFLICT. */
  async update(viewer: Viewer, input: UpdateBlogPostInput): Promise<LoadedPost> {
    const { post, access } = await this.get(viewer, { id: input.postId });
    this.assert(viewer, BlogAction.EditPost, this.resource(access, post));
    const tags = input.tags ? this.content.tags(input.tags) : undefined;
    await this.content.transaction(async (manager) => {
      const row = await this.lock(manager, post.id);
      if (row.version !== input.version) throw new ConflictError('This post changed meanwhile (another tab or a co-author); reload it to continue.', 'version');
      if (input.coAuthorIds) await this.assertAccounts(manager, input.coAuthorIds);
      const next = {
        title: input.title ?? row.title,
        body: input.body ?? row.body,
        excerpt: input.excerpt ?? row.excerpt,
      };
      // Drafts are judged when published; an edit of a published post is judged like any edit.
      if (row.state === BlogPostState.Published) {
        const placement: BlogPostPlacement = {
          action: 'edit',
          baseVersion: row.version,
          ...next,
          tags: tags ?? row.tags,
          coverImageUrl: input.coverImageUrl !== undefined ? input.coverImageUrl : row.coverImageUrl,
        };
        const moderation = await this.content.moderate(manager, viewer, access, { kind: ContentKind.BlogPost, contentId: row.id, isEdit: true, title: next.title, body: `${next.excerpt}\n\n${next.body}`, placement });
        if (moderation.state === ModerationState.Held) row.moderationState = ModerationState.Held;
      }
      Object.assign(row, next, {
        bodyHtml: input.body !== undefined ? await this.content.renderPost(manager, row.communityId, row.id, next.body, 'blog') : row.bodyHtml,
        coverImageUrl: input.coverImageUrl !== undefined ? input.coverImageUrl : row.coverImageUrl,
        tags: tags ?? row.tags,
        coAuthorIds: input.coAuthorIds ? input.coAuthorIds.filter((a) => a !== row.authorId) : row.coAuthorIds,
        updatedAt: this.clock.now(),
        version: row.version + 1,
      });
      await manager.save(row);
    });
    return this.get(viewer, { id: post.id });
  }

  /** Publishes now, or schedules for a later time (the post appears when that time comes). */
  async publish(viewer: Viewer, input: PublishBlogPostInput): Promise<LoadedPost> {
    const { post, access } = await this.get(viewer, { id: input.postId });
    this.assert(viewer, BlogAction.EditPost, this.resource(access, post));
    const now = this.clock.now();
    if (input.publishAt && input.publishAt.getTime() < now.getTime() - 60_000) throw ValidationError.field('publishAt', 'Choose a time from now on.');
    await this.content.transaction(async (manager) => {
      const row = await this.lock(manager, post.id);
      if (!row.body.trim()) throw ValidationError.field('body', 'Write the post before publishing it.');
      // Publishing is when a post first meets readers, so it is judged as a new post; publishing again after unpublishing, as an edit.
      const moderation = await this.content.moderate(manager, viewer, access, {
        kind: ContentKind.BlogPost,
        contentId: row.id,
        isEdit: row.state === BlogPostState.Unpublished,
        title: row.title,
        body: `${row.excerpt}\n\n${row.body}`,
        placement: { action: 'publish', publishAt: input.publishAt ? input.publishAt.toISOString() : null } satisfies BlogPostPlacement,
      });
      row.moderationState = moderation.state;
      row.state = BlogPostState.Published;
      row.publishedAt = input.publishAt && input.publishAt > now ? input.publishAt : now;
      row.updatedAt = now;
      row.version += 1;
      // Published again: announced again, now or when its time comes.
      row.announcedAt = null;
      announceIfAppeared(row, now);
      await manager.save(row);
      await this.events.record(manager, postPublished(row));
    });
    return this.get(viewer, { id: post.id });
  }

  /** Takes a post down (its authors, managers and moderators); it can be published again. */
  async unpublish(viewer: Viewer, postId: string): Promise<LoadedPost> {
    const { post, access } = await this.get(viewer, { id: postId });
    const resource = this.resource(access, post);
    if (!this.authorization.can(viewer, BlogAction.EditPost, resource)) this.assert(viewer, BlogAction.Moderate, resource);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, post.id);
      if (row.state === BlogPostState.Draft) return;
      const before = row.state;
      row.state = BlogPostState.Unpublished;
      row.updatedAt = this.clock.now();
      row.version += 1;
      await manager.save(row);
      // Taking down someone else's post is a moderation action.
      if (row.authorId !== viewer.accountId) {
        await this.audit.record(manager, auditActorOf(viewer), { action: 'blog-post.unpublish', targetKind: ContentKind.BlogPost, targetId: row.id, communityId: row.communityId, before: { state: before, authorId: row.authorId }, after: { state: row.state, authorId: row.authorId } });
      }
    });
    return this.get(viewer, { id: post.id });
  }

  async comment(viewer: Viewer, input: BlogCommentInput): Promise<BlogCommentEntity> {
    const { post, access } = await this.get(viewer, { id: input.postId });
    if (post.state !== BlogPostState.Published) throw new ForbiddenError('Comments open when the post is published.');
    this.assert(viewer, BlogAction.Comment, this.resource(access, post), 'You cannot comment in this community.');
    return this.content.transaction(async (manager) => {
      if (input.parentId) {
        const parent = await manager.findOne(BlogCommentEntity, { where: { id: input.parentId, postId: post.id } });
        if (!parent) throw ValidationError.field('parentId', 'Answer a comment of this post.');
        // One level: an answer to an answer joins its parent's conversation.
        if (parent.parentId) input.parentId = parent.parentId;
      }
      const now = this.clock.now();
      const commentId = uuidv7(now.getTime());
      const moderation = await this.content.moderate(manager, viewer, access, {
        kind: ContentKind.BlogComment,
        contentId: commentId,
        isEdit: false,
        title: null,
        body: input.body,
        placement: { postId: post.id, parentId: input.parentId ?? null },
      });
      const comment = manager.create(BlogCommentEntity, {
        id: commentId,
        postId: post.id,
        communityId: post.communityId,
        parentId: input.parentId ?? null,
        authorId: viewer.accountId,
        body: input.body,
        bodyHtml: await this.content.renderPost(manager, post.communityId, commentId, input.body, 'blog'),
        createdAt: now,
        editedAt: null,
        deletedAt: null,
        moderationState: moderation.state,
      });
      await this.events.record(manager, commentCreated(comment));
      await this.content.insert(manager, BlogCommentEntity, comment);
      if (moderation.state === ModerationState.Visible) await manager.increment(BlogPostEntity, { id: post.id }, 'commentCount', 1);
      return comment;
    });
  }

  /** Tombstones a comment: its author or a moderator. Answers to it stay. */
  async deleteComment(viewer: Viewer, commentId: string): Promise<BlogCommentEntity> {
    const comment = await this.dataSource.getRepository(BlogCommentEntity).findOne({ where: { id: commentId } });
    if (!comment) throw new NotFoundError('The comment');
    const { post, access } = await this.get(viewer, { id: comment.postId });
    if (comment.authorId !== viewer.accountId) this.assert(viewer, BlogAction.Moderate, this.resource(access, post));
    if (!comment.deletedAt) {
      comment.deletedAt = this.clock.now();
      await this.dataSource.transaction(async (manager) => {
        await manager.update(BlogCommentEntity, comment.id, { deletedAt: comment.deletedAt });
        if (comment.authorId !== viewer.accountId) {
          await this.audit.record(manager, auditActorOf(viewer), { action: 'comment.remove', targetKind: ContentKind.BlogComment, targetId: comment.id, communityId: post.communityId, before: { authorId: comment.authorId, removed: false }, after: { authorId: comment.authorId, removed: true } });
        }
      });
    }
    return comment;
  }

  feed(viewer: Viewer, args: PostListArgs) {
    return this.repository.feed(viewer, withTag(args));
  }

  async communityPosts(viewer: Viewer, communityId: string, args: PostListArgs) {
    const { access } = await this.settings(viewer, communityId);
    return { access, page: await this.repository.communityPosts(viewer.accountId, communityId, withTag(args)) };
  }

  mine(viewer: Viewer, args: { first: number; after?: string | null }) {
    return this.repository.mine(viewer.accountId, args);
  }

  resource(access: CommunityAccess, post: BlogPostRow): BlogResource {
    return { access, authors: post.authors, authorIds: [post.authorId, ...post.coAuthorIds] };
  }

  /** The viewer's facts for each community of a page (one statement for the page). */
  accessMap(viewer: Viewer, communityIds: string[]): Promise<Map<string, CommunityAccess>> {
    return this.communities.factsMany(viewer, communityIds);
  }

  private async readable(viewer: Viewer, communityId: string, what: string): Promise<CommunityAccess> {
    const access = await this.communities.facts(viewer, communityId);
    if (!access || !this.authorization.can(viewer, BlogAction.Read, { access, authors: BlogAuthors.Managers })) throw new NotFoundError(what);
    return access;
  }

  private assert(viewer: Viewer, action: string, resource: BlogResource, refusal?: string): void {
    try {
      this.authorization.assert(viewer, action, resource);
    } catch (error) {
      throw error instanceof ForbiddenError && refusal ? new ForbiddenError(refusal) : error;
    }
  }

  private async assertAccounts(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await manager.count(AccountEntity, { where: { id: In(ids) } });
    if (found !== new Set(ids).size) throw ValidationError.field('coAuthorIds', 'Some of these people were not found.');
  }

  private async lock(manager: EntityManager, id: string): Promise<BlogPostEntity> {
    const row = await manager.findOne(BlogPostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundError('The post');
    return row;
  }

  /** A slug from the title, unique in the community ("launch-notes", then "launch-notes-2"…). */
  private async freeSlug(manager: EntityManager, communityId: string, title: string): Promise<string> {
    // Addresses the blog's own pages use (/blog/new, /blog/drafts) are not post slugs.
    const candidate = slugFromName(title) || 'post';
    const base = RESERVED_SLUGS.has(candidate) ? `${candidate}-post` : candidate;
    const taken: Array<{ slug: string }> = await manager.query(
      `SELECT slug FROM blog_posts WHERE community_id = $1 AND (slug = $2 OR slug LIKE $2 || '-%')`,
      [communityId, base],
    );
    const used = new Set(taken.map((t) => t.slug));
    if (!used.has(base)) return base;
    let n = 2;
    while (used.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }
}

/** A list's tag as tags are stored ("#Data" looks for "data"); nothing left of it means no tag. */
function withTag<T extends PostListArgs>(args: T): T {
  return { ...args, tag: args.tag ? normalizeTag(args.tag) || null : null };
}
