import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { AuthorizationService, Clock, PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, ConnectionArgs, CurrentViewer } from '@commons/server-graphql';
import { BlogAction } from './blog-access';
import { BlogRepository, type BlogPostRow } from './blog.repository';
import { BlogsService } from './blogs.service';
import type { CommunityAccess } from '@commons/server-communities';
import { BlogCommentInput, BlogFeedArgs, BlogPostLookupArgs, BlogPostsArgs, BlogSettingsInput, CreateBlogPostInput, PublishBlogPostInput, UpdateBlogPostInput } from './dto/blog.inputs';
import { BlogCommentConnection, BlogCommentType, BlogPostConnection, BlogPostPermissionsType, BlogPostType, BlogSettingsType } from './dto/blog.types';
import { EngagementService, FollowTarget, ForumRepository, type ReactionCountType } from '@commons/server-forums';

/** A page of post rows, as the service answers it. */
type PostPage = Awaited<ReturnType<BlogsService['feed']>>;

function toPostType(post: BlogPostRow, access: CommunityAccess, now: Date): BlogPostType {
  return {
    ...post,
    access,
    authorIds: [post.authorId, ...post.coAuthorIds],
    scheduled: post.state === 'PUBLISHED' && post.publishedAt !== null && post.publishedAt > now,
    reactions: post.reactions as ReactionCountType[],
  };
}

@Resolver(() => BlogPostType)
export class BlogsResolver {
  constructor(
    private readonly blogs: BlogsService,
    private readonly repository: BlogRepository,
    private readonly authorization: AuthorizationService,
    private readonly forumRepository: ForumRepository,
    private readonly engagement: EngagementService,
    private readonly clock: Clock,
  ) {}

  @Query(() => BlogSettingsType, { description: "A community's blog: who writes, and whether you may." })
  @Authorize(PlatformAction.SignedIn)
  async blogSettings(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    const { access, authors } = await this.blogs.settings(viewer, communityId);
    const followed = await this.engagement.following(viewer, FollowTarget.Blog, [communityId]);
    return { access, communityId, authors, viewerCanWrite: this.authorization.can(viewer, BlogAction.Write, { access, authors }), viewerFollows: followed.has(communityId) };
  }

  @Mutation(() => Boolean, { description: "Follows or unfollows a community's blog; returns whether you follow it now." })
  @Authorize(PlatformAction.SignedIn)
  followBlog(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string, @Args('follow') follow: boolean) {
    return this.engagement.follow(viewer, FollowTarget.Blog, communityId, null, null, follow);
  }

  @Mutation(() => BlogSettingsType, { description: 'Managers choose who writes: managers only, or all members.' })
  @Authorize(PlatformAction.SignedIn)
  async updateBlogSettings(@CurrentViewer() viewer: Viewer, @Args('input') input: BlogSettingsInput) {
    const { access, authors } = await this.blogs.updateSettings(viewer, input);
    const followed = await this.engagement.following(viewer, FollowTarget.Blog, [input.communityId]);
    return {
      access,
      communityId: input.communityId,
      authors,
      viewerCanWrite: this.authorization.can(viewer, BlogAction.Write, { access, authors }),
      viewerFollows: followed.has(input.communityId),
    };
  }

  @Query(() => BlogPostConnection, { description: "A community's published posts, newest first; with `tag`, those with that tag." })
  @Authorize(PlatformAction.SignedIn)
  async blogPosts(@CurrentViewer() viewer: Viewer, @Args() args: BlogPostsArgs) {
    const { access, page } = await this.blogs.communityPosts(viewer, args.communityId, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toType(e.node, access) })) };
  }

  @Query(() => BlogPostConnection, { description: 'Latest published posts from every community you may read; with `tag`, those with that tag.' })
  @Authorize(PlatformAction.SignedIn)
  async feed(@CurrentViewer() viewer: Viewer, @Args() args: BlogFeedArgs) {
    return this.readablePage(viewer, await this.blogs.feed(viewer, args), () => true);
  }

  @Query(() => BlogPostConnection, { description: 'Your drafts, scheduled and unpublished posts.' })
  @Authorize(PlatformAction.SignedIn)
  async myBlogDrafts(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.readablePage(viewer, await this.blogs.mine(viewer, args), (post, access) =>
      this.authorization.can(viewer, BlogAction.Read, { access, authors: post.authors }),
    );
  }

  /**
   * A page of posts from many communities as types: each with its community's access facts,
   * keeping those the viewer may still read in that community (and `keep` allows).
   */
  private async readablePage(viewer: Viewer, page: PostPage, keep: (post: BlogPostRow, access: CommunityAccess) => boolean) {
    const access = await this.blogs.accessMap(viewer, page.edges.map((e) => e.node.communityId));
    return {
      ...page,
      edges: page.edges.flatMap((e) => {
        const facts = access.get(e.node.communityId);
        return facts && keep(e.node, facts) ? [{ cursor: e.cursor, node: this.toType(e.node, facts) }] : [];
      }),
    };
  }

  private toType(post: BlogPostRow, access: CommunityAccess): BlogPostType {
    return toPostType(post, access, this.clock.now());
  }

  @Query(() => BlogPostType, { description: 'A post by id, or by community and slug. Drafts only for their authors.' })
  @Authorize(PlatformAction.SignedIn)
  async blogPost(@CurrentViewer() viewer: Viewer, @Args() args: BlogPostLookupArgs) {
    const { post, access } = await this.blogs.get(viewer, args);
    return this.toType(post, access);
  }

  @Mutation(() => BlogPostType, { description: 'Starts a draft.' })
  @Authorize(PlatformAction.SignedIn)
  async createBlogPost(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateBlogPostInput) {
    const { post, access } = await this.blogs.create(viewer, input);
    return this.toType(post, access);
  }

  @Mutation(() => BlogPostType, { description: 'Edits or autosaves a post; send the version you started from.' })
  @Authorize(PlatformAction.SignedIn)
  async updateBlogPost(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateBlogPostInput) {
    const { post, access } = await this.blogs.update(viewer, input);
    return this.toType(post, access);
  }

  @Mutation(() => BlogPostType, { description: 'Publishes now, or at `publishAt`.' })
  @Authorize(PlatformAction.SignedIn)
  async publishBlogPost(@CurrentViewer() viewer: Viewer, @Args('input') input: PublishBlogPostInput) {
    const { post, access } = await this.blogs.publish(viewer, input);
    return this.toType(post, access);
  }

  @Mutation(() => BlogPostType)
  @Authorize(PlatformAction.SignedIn)
  async unpublishBlogPost(@CurrentViewer() viewer: Viewer, @Args('postId', { type: () => ID }, ParseUUIDPipe) postId: string) {
    const { post, access } = await this.blogs.unpublish(viewer, postId);
    return this.toType(post, access);
  }

  @Mutation(() => BlogCommentType)
  @Authorize(PlatformAction.SignedIn)
  async commentOnBlogPost(@CurrentViewer() viewer: Viewer, @Args('input') input: BlogCommentInput) {
    const comment = await this.blogs.comment(viewer, input);
    const author = await this.forumRepository.author(viewer.accountId);
    return { id: comment.id, parentId: comment.parentId, author, bodyHtml: comment.bodyHtml, createdAt: comment.createdAt, editedAt: null, deleted: false, moderationState: comment.moderationState, reactions: [] };
  }

  @Mutation(() => BlogCommentType)
  @Authorize(PlatformAction.SignedIn)
  async deleteBlogComment(@CurrentViewer() viewer: Viewer, @Args('commentId', { type: () => ID }, ParseUUIDPipe) commentId: string) {
    const comment = await this.blogs.deleteComment(viewer, commentId);
    return { id: comment.id, parentId: comment.parentId, author: null, bodyHtml: '<p><em>Removed.</em></p>', createdAt: comment.createdAt, editedAt: comment.editedAt, deleted: true, moderationState: comment.moderationState, reactions: [] };
  }

  @ResolveField(() => BlogCommentConnection, { description: 'Comments in time order; replies carry their parentId.' })
  comments(@Parent() post: BlogPostType, @CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    const moderator = this.authorization.can(viewer, BlogAction.Moderate, { access: post.access, authors: post.authors, authorIds: post.authorIds });
    return this.repository.comments(viewer.accountId, moderator, post.id, args);
  }

  @ResolveField(() => BlogPostPermissionsType)
  viewerCan(@Parent() post: BlogPostType, @CurrentViewer() viewer: Viewer): BlogPostPermissionsType {
    const resource = { access: post.access, authors: post.authors, authorIds: post.authorIds };
    return {
      edit: this.authorization.can(viewer, BlogAction.EditPost, resource),
      comment: post.state === 'PUBLISHED' && this.authorization.can(viewer, BlogAction.Comment, resource),
      moderate: this.authorization.can(viewer, BlogAction.Moderate, resource),
    };
  }
}
