import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { normalizeTag } from '@commons/shared-contracts';
import { Authorize, ConnectionArgs, CurrentViewer, viewerOf, type GraphqlContext } from '@commons/server-graphql';
import { EngagementService } from './engagement.service';
import { ForumAction } from './forum-access';
import { ForumCategoriesService } from './forum-categories.service';
import { ForumContent } from './forum-content';
import { ForumRepository } from './forum.repository';
import { replyEntityToType, toCategoryType, toReplyType, toThreadType } from './forum.mapper';
import { ThreadsService } from './threads.service';
import { ThreadViews } from './thread-views';
import { FollowTarget } from './entities/follow.entity';
import { AcceptAnswerInput, CommunityTagsArgs, CreateThreadInput, EditReplyInput, EditThreadInput, ForumCategoryInput, ReactInput, ReplyInput, ThreadsArgs } from './dto/forum.inputs';
import {
  ForumCategoryType,
  PostPermissionsType,
  PostRevisionType,
  ReactionCountType,
  ReplyConnection,
  ReplyType,
  TagCountType,
  ThreadConnection,
  ThreadPermissionsType,
  ThreadType,
} from './dto/forum.types';

const threadId = () => Args('threadId', { type: () => ID }, ParseUUIDPipe);

@Resolver(() => ThreadType)
export class ForumsResolver {
  constructor(
    private readonly threadsService: ThreadsService,
    private readonly categories: ForumCategoriesService,
    private readonly engagement: EngagementService,
    private readonly repository: ForumRepository,
    private readonly content: ForumContent,
    private readonly views: ThreadViews,
  ) {}

  @Query(() => [ForumCategoryType], { description: "A community's forum categories, in order." })
  @Authorize(PlatformAction.SignedIn)
  async forumCategories(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    const { access, categories } = await this.categories.list(viewer, communityId);
    const followed = await this.engagement.following(viewer, FollowTarget.Category, categories.map((c) => c.id));
    return categories.map((c) => toCategoryType(c, access, followed.has(c.id)));
  }

  @Query(() => [String], { description: 'The tags of a community the viewer follows.' })
  @Authorize(PlatformAction.SignedIn)
  async followedTags(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    await this.content.readable(viewer, communityId, 'The community');
    return this.engagement.followedTags(viewer, communityId);
  }

  @Query(() => [TagCountType], {
    description:
      "Tags of a community's threads, most used first (counted over its most recently active threads), for suggestions. " +
      '`prefix` is normalised like a tag; tags starting with it come first, then tags with a word starting with it. NOT_FOUND when you may not read the community.',
  })
  @Authorize(PlatformAction.SignedIn)
  async communityTags(@CurrentViewer() viewer: Viewer, @Args() args: CommunityTagsArgs) {
    await this.content.readable(viewer, args.communityId, 'The community');
    return this.repository.communityTags(args.communityId, normalizeTag(args.prefix ?? ''), args.first);
  }

  @Query(() => ThreadConnection, { description: 'Threads of a community: pinned first, then by latest activity.' })
  @Authorize(PlatformAction.SignedIn)
  async threads(@CurrentViewer() viewer: Viewer, @Args() args: ThreadsArgs) {
    const access = await this.content.readable(viewer, args.communityId, 'The community');
    const page = await this.repository.threads(viewer.accountId, this.content.can(viewer, ForumAction.Moderate, access), args.communityId, args.filter, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toThreadType(e.node, access) })) };
  }

  @Query(() => ThreadType, { description: 'NOT_FOUND when you may not read its community.' })
  @Authorize(PlatformAction.SignedIn)
  async thread(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    const { thread, access } = await this.threadsService.get(viewer, id);
    this.views.record(thread.id, viewer.accountId);
    return toThreadType(thread, access);
  }

  @ResolveField(() => ReplyConnection, { description: 'Replies in time order.' })
  async replies(@Parent() thread: ThreadType, @CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    const page = await this.repository.replies(viewer.accountId, this.content.can(viewer, ForumAction.Moderate, thread.access), thread.id, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toReplyType(e.node, thread.access) })) };
  }

  // No parameter decorators: @nestjs/graphql then binds the method as the plain, synchronous
  // field resolver (parent, args, context) instead of its async per-call pipeline of param
  // factories and pipes, and the object stays synchronous for graphql-js. viewerOf is @CurrentViewer's check.
  @ResolveField(() => ThreadPermissionsType)
  viewerCan(thread: ThreadType, _args: unknown, context: GraphqlContext): ThreadPermissionsType {
    const viewer = viewerOf(context);
    const open = !thread.locked && !thread.duplicateOfId && !thread.deleted;
    return {
      reply: open && this.content.can(viewer, ForumAction.Post, thread.access),
      edit: !thread.deleted && this.content.can(viewer, ForumAction.Edit, thread.access, thread.authorId),
      delete: !thread.deleted && this.content.can(viewer, ForumAction.Delete, thread.access, thread.authorId),
      accept: thread.kind === 'QUESTION' && this.content.can(viewer, ForumAction.Accept, thread.access, thread.authorId),
      moderate: this.content.can(viewer, ForumAction.Moderate, thread.access),
    };
  }

  @ResolveField(() => [PostRevisionType], { nullable: true, description: 'Earlier versions, newest first. Moderators only.' })
  @Authorize(ForumAction.Moderate)
  revisions(@Parent() thread: ThreadType) {
    return this.threadsService.revisions(thread.id);
  }

  @Mutation(() => ForumCategoryType)
  @Authorize(PlatformAction.SignedIn)
  async createForumCategory(@CurrentViewer() viewer: Viewer, @Args('input') input: ForumCategoryInput) {
    const { access, category } = await this.categories.create(viewer, input);
    return toCategoryType(category, access);
  }

  @Mutation(() => ThreadType, { description: 'Starts a discussion or asks a question.' })
  @Authorize(PlatformAction.SignedIn)
  async createThread(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateThreadInput) {
    const { thread, access } = await this.threadsService.create(viewer, input);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType, { description: 'Edits title, body or tags; send the version you started from.' })
  @Authorize(PlatformAction.SignedIn)
  async editThread(@CurrentViewer() viewer: Viewer, @Args('input') input: EditThreadInput) {
    const { thread, access } = await this.threadsService.edit(viewer, input);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType, { description: 'Leaves a tombstone; replies stay.' })
  @Authorize(PlatformAction.SignedIn)
  async deleteThread(@CurrentViewer() viewer: Viewer, @threadId() id: string) {
    const { thread, access } = await this.threadsService.delete(viewer, id);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType, { description: "Marks a reply as the question's accepted answer (or changes it)." })
  @Authorize(PlatformAction.SignedIn)
  async acceptAnswer(@CurrentViewer() viewer: Viewer, @Args('input') input: AcceptAnswerInput) {
    const { thread, access } = await this.threadsService.accept(viewer, input);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType)
  @Authorize(PlatformAction.SignedIn)
  async lockThread(@CurrentViewer() viewer: Viewer, @threadId() id: string, @Args('locked') locked: boolean) {
    const { thread, access } = await this.threadsService.setLocked(viewer, id, locked);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType)
  @Authorize(PlatformAction.SignedIn)
  async pinThread(@CurrentViewer() viewer: Viewer, @threadId() id: string, @Args('pinned') pinned: boolean) {
    const { thread, access } = await this.threadsService.setPinned(viewer, id, pinned);
    return toThreadType(thread, access);
  }

  @Mutation(() => ThreadType, { description: 'Closes the thread as a duplicate of another; null reopens it.' })
  @Authorize(PlatformAction.SignedIn)
  async closeThreadAsDuplicate(
    @CurrentViewer() viewer: Viewer,
    @threadId() id: string,
    @Args('duplicateOfId', { type: () => ID, nullable: true }) duplicateOfId: string | null,
  ) {
    const { thread, access } = await this.threadsService.closeAsDuplicate(viewer, id, duplicateOfId);
    return toThreadType(thread, access);
  }

  @Mutation(() => ReplyType)
  @Authorize(PlatformAction.SignedIn)
  async replyToThread(@CurrentViewer() viewer: Viewer, @Args('input') input: ReplyInput) {
    const { reply, access } = await this.threadsService.reply(viewer, input);
    return replyEntityToType(reply, access, await this.repository.author(viewer.accountId));
  }

  @Mutation(() => ReplyType)
  @Authorize(PlatformAction.SignedIn)
  async editReply(@CurrentViewer() viewer: Viewer, @Args('input') input: EditReplyInput) {
    const { reply, access } = await this.threadsService.editReply(viewer, input);
    return replyEntityToType(reply, access, await this.repository.author(reply.authorId));
  }

  @Mutation(() => ReplyType)
  @Authorize(PlatformAction.SignedIn)
  async deleteReply(@CurrentViewer() viewer: Viewer, @Args('replyId', { type: () => ID }, ParseUUIDPipe) replyId: string) {
    const { reply, access } = await this.threadsService.deleteReply(viewer, replyId);
    return replyEntityToType(reply, access, null);
  }

  @Mutation(() => [ReactionCountType], { description: "Adds or takes back a reaction; returns the post's reactions." })
  @Authorize(PlatformAction.SignedIn)
  react(@CurrentViewer() viewer: Viewer, @Args('input') input: ReactInput) {
    return this.engagement.react(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Follows or unfollows a thread; returns whether you follow it now.' })
  @Authorize(PlatformAction.SignedIn)
  followThread(@CurrentViewer() viewer: Viewer, @threadId() id: string, @Args('follow') follow: boolean) {
    return this.engagement.follow(viewer, FollowTarget.Thread, id, null, null, follow);
  }

  @Mutation(() => Boolean)
  @Authorize(PlatformAction.SignedIn)
  followForumCategory(@CurrentViewer() viewer: Viewer, @Args('categoryId', { type: () => ID }, ParseUUIDPipe) id: string, @Args('follow') follow: boolean) {
    return this.engagement.follow(viewer, FollowTarget.Category, id, null, null, follow);
  }

  @Mutation(() => Boolean, { description: "Follows a tag within a community's forum." })
  @Authorize(PlatformAction.SignedIn)
  followTag(
    @CurrentViewer() viewer: Viewer,
    @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string,
    @Args('tag') tag: string,
    @Args('follow') follow: boolean,
  ) {
    return this.engagement.follow(viewer, FollowTarget.Tag, null, tag, communityId, follow);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer follows this thread.' })
  async viewerFollows(@Parent() thread: ThreadType, @CurrentViewer() viewer: Viewer) {
    return (await this.engagement.following(viewer, FollowTarget.Thread, [thread.id])).has(thread.id);
  }

}

@Resolver(() => ReplyType)
export class RepliesResolver {
  constructor(
    private readonly content: ForumContent,
    private readonly threads: ThreadsService,
  ) {}

  @Query(() => ReplyType, { description: 'One reply (a link to it, its edit history); NOT_FOUND when you may not read its community.' })
  @Authorize(PlatformAction.SignedIn)
  async reply(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    const { reply, access } = await this.threads.getReply(viewer, id);
    return toReplyType(reply, access);
  }

  // A plain synchronous field resolver, as ThreadType's viewerCan: it runs for every reply of a
  // page, and Nest's async pipeline per call made each reply (and the list) a promise.
  @ResolveField(() => PostPermissionsType)
  viewerCan(reply: ReplyType, _args: unknown, context: GraphqlContext): PostPermissionsType {
    const viewer = viewerOf(context);
    return {
      edit: !reply.deleted && this.content.can(viewer, ForumAction.Edit, reply.access, reply.authorId),
      delete: !reply.deleted && this.content.can(viewer, ForumAction.Delete, reply.access, reply.authorId),
    };
  }

  @ResolveField(() => [PostRevisionType], { nullable: true, description: 'Earlier versions, newest first. Moderators only.' })
  @Authorize(ForumAction.Moderate)
  revisions(@Parent() reply: ReplyType) {
    return this.threads.revisions(reply.id);
  }
}
