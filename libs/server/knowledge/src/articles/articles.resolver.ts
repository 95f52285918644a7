import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock, PlatformAction, type Viewer } from '@commons/server-core';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { Authorize, ConnectionArgs, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { PostAuthorType } from '@commons/server-forums';
import { ArticleAction } from './article-access';
import { ArticleFeedbackService } from './article-feedback.service';
import { ArticleRepository } from './article.repository';
import { ArticleScope } from './article-scope';
import { ArticleViews } from './article-views';
import { ArticleLoaders } from './articles.loader';
import { articleResource, ArticlesService, isLive, type LoadedArticle } from './articles.service';
import { PromoteAcceptedAnswer } from './promote-accepted-answer';
import type { KnowledgeArticleEntity } from './entities/knowledge-article.entity';
import {
  KnowledgeArticleFeedbackInput,
  KnowledgeArticleRevisionInput,
  KnowledgeArticlesArgs,
  CreateKnowledgeArticleInput,
  PublishKnowledgeArticleInput,
  ReviewKnowledgeArticleInput,
  UpdateKnowledgeArticleInput,
} from './dto/article.inputs';
import {
  KnowledgeArticleCommentConnection,
  KnowledgeArticleConnection,
  KnowledgeArticleDiffType,
  KnowledgeArticleFeedbackType,
  KnowledgeArticleType,
  KnowledgeArticleVersionConnection,
  KnowledgeArticleVersionType,
  KnowledgeSourceThreadType,
} from './dto/article.types';

/** The GraphQL article plus what its field resolvers need (the viewer's scope facts). */
type ArticleNode = KnowledgeArticleType & { access: CommunityAccess | null };

@Resolver(() => KnowledgeArticleType)
export class ArticlesResolver {
  constructor(
    private readonly articles: ArticlesService,
    private readonly repository: ArticleRepository,
    private readonly scope: ArticleScope,
    private readonly feedback: ArticleFeedbackService,
    private readonly promotion: PromoteAcceptedAnswer,
    private readonly loaders: ArticleLoaders,
    private readonly views: ArticleViews,
    private readonly communities: CommunityAccessService,
    private readonly clock: Clock,
  ) {}

  @Query(() => KnowledgeArticleType, { description: 'An article: NOT_FOUND unless it is published for you, or you own, review or publish it. Counts your view.' })
  @Authorize(PlatformAction.SignedIn)
  async knowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    const loaded = await this.articles.get(viewer, id);
    if (isLive(loaded.article)) this.views.record(loaded.article.id, viewer.accountId);
    return this.toType(viewer, loaded);
  }

  @Query(() => KnowledgeArticleConnection, { description: 'Published articles you may read, most recently published first.' })
  @Authorize(PlatformAction.SignedIn)
  async knowledgeArticles(@CurrentViewer() viewer: Viewer, @Args() args: KnowledgeArticlesArgs) {
    const filter = args.filter ?? {};
    if (filter.communityId) await this.scope.readable(viewer, filter.communityId);
    return this.page(viewer, await this.repository.readable(viewer, filter, args));
  }

  @Query(() => KnowledgeArticleConnection, { description: 'Drafts and submissions you own or review, latest change first.' })
  @Authorize(PlatformAction.SignedIn)
  async myKnowledgeWork(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.page(viewer, await this.repository.work(viewer.accountId, args));
  }

  @Query(() => KnowledgeArticleConnection, { description: 'Articles you own whose review is due, the longest overdue first.' })
  @Authorize(PlatformAction.SignedIn)
  async knowledgeReviewDue(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.page(viewer, await this.repository.reviewDue(viewer.accountId, this.clock.now(), args));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Starts a draft article (the programme team platform-wide, managers in a community with a knowledge base).' })
  @Authorize(PlatformAction.SignedIn)
  async createKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateKnowledgeArticleInput) {
    return this.toType(viewer, await this.articles.create(viewer, input));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Saves the working copy; CONFLICT when it changed since the revision you edited.' })
  @Authorize(PlatformAction.SignedIn)
  async updateKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateKnowledgeArticleInput) {
    return this.toType(viewer, await this.articles.update(viewer, input));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Asks the reviewers to review the working copy.' })
  @Authorize(PlatformAction.SignedIn)
  async submitKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: KnowledgeArticleRevisionInput) {
    return this.toType(viewer, await this.articles.submit(viewer, input));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'A reviewer approves the submitted draft or sends it back with a comment.' })
  @Authorize(PlatformAction.SignedIn)
  async reviewKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: ReviewKnowledgeArticleInput) {
    return this.toType(viewer, await this.articles.review(viewer, input));
  }

  @Mutation(() => KnowledgeArticleType, { description: "Publishes the working copy as the next version; FORBIDDEN with a reason when it still needs a reviewer's approval." })
  @Authorize(PlatformAction.SignedIn)
  async publishKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: PublishKnowledgeArticleInput) {
    return this.toType(viewer, await this.articles.publish(viewer, input));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Takes an article away from readers; its versions stay.' })
  @Authorize(PlatformAction.SignedIn)
  async archiveKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('articleId', { type: () => ID }, ParseUUIDPipe) articleId: string) {
    return this.toType(viewer, await this.articles.archive(viewer, articleId));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'An owner confirms the article is still right; its next review is due a review period from now.' })
  @Authorize(PlatformAction.SignedIn)
  async markKnowledgeArticleReviewed(@CurrentViewer() viewer: Viewer, @Args('articleId', { type: () => ID }, ParseUUIDPipe) articleId: string) {
    return this.toType(viewer, await this.articles.markReviewed(viewer, articleId));
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Was this helpful? One answer per person, which you may change; a comment passes moderation.' })
  @Authorize(PlatformAction.SignedIn)
  async rateKnowledgeArticle(@CurrentViewer() viewer: Viewer, @Args('input') input: KnowledgeArticleFeedbackInput) {
    await this.feedback.rate(viewer, input);
    return this.toType(viewer, await this.articles.get(viewer, input.articleId));
  }

  @Mutation(() => KnowledgeArticleType, { description: "Makes a draft article of a thread's accepted answer, linked to the thread: the community's managers and the programme team." })
  @Authorize(PlatformAction.SignedIn)
  async promoteAcceptedAnswer(@CurrentViewer() viewer: Viewer, @Args('threadId', { type: () => ID }, ParseUUIDPipe) threadId: string) {
    return this.toType(viewer, await this.promotion.promote(viewer, threadId));
  }

  @ResolveField(() => [PostAuthorType])
  async owners(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext): Promise<PostAuthorType[]> {
    return (await this.loaders.people(ctx).loadMany(article.ownerIds)).filter((p): p is PostAuthorType => p !== null && !(p instanceof Error));
  }

  @ResolveField(() => [PostAuthorType])
  async reviewers(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext): Promise<PostAuthorType[]> {
    return (await this.loaders.people(ctx).loadMany(article.reviewerIds)).filter((p): p is PostAuthorType => p !== null && !(p instanceof Error));
  }

  @ResolveField(() => KnowledgeSourceThreadType, { nullable: true, description: 'The forum thread it was promoted from, when you may read it.' })
  sourceThread(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext, @CurrentViewer() viewer: Viewer) {
    return article.sourceThreadId ? this.loaders.sourceThread(ctx, viewer).load(article.sourceThreadId) : null;
  }

  @ResolveField(() => KnowledgeArticleFeedbackType, { nullable: true, description: 'Your own answer to "was this helpful?".' })
  async viewerFeedback(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext, @CurrentViewer() viewer: Viewer): Promise<KnowledgeArticleFeedbackType | null> {
    const row = await this.loaders.viewerFeedback(ctx, viewer).load(article.id);
    return row ? { helpful: row.helpful, commentHtml: row.commentHtml, visible: row.moderationState === 'VISIBLE' } : null;
  }

  @ResolveField(() => KnowledgeArticleCommentConnection, { nullable: true, description: "Readers' feedback comments, newest first; null unless you may edit the article." })
  async feedbackComments(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext, @Args() args: ConnectionArgs) {
    if (!article.viewerCan.edit) return null;
    const page = await this.feedback.comments(article.id, args);
    const authors = await this.loaders.people(ctx).loadMany(page.edges.map((e) => e.node.accountId));
    return {
      ...page,
      edges: page.edges.map((e, i) => {
        const author = authors[i];
        return {
          cursor: e.cursor,
          node: { id: e.node.id, helpful: e.node.helpful, commentHtml: e.node.commentHtml ?? '', createdAt: e.node.createdAt, author: author && !(author instanceof Error) ? author : null },
        };
      }),
    };
  }

  @ResolveField(() => KnowledgeArticleVersionConnection, { description: 'Published versions, newest first.' })
  async versions(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext, @Args() args: ConnectionArgs) {
    const page = await this.repository.versions(article.id, args);
    const authors = await this.loaders.people(ctx).loadMany(page.edges.map((e) => e.node.authorId));
    return {
      ...page,
      edges: page.edges.map((e, i) => {
        const author = authors[i];
        return { cursor: e.cursor, node: { ...e.node, author: author && !(author instanceof Error) ? author : null } };
      }),
    };
  }

  @ResolveField(() => KnowledgeArticleVersionType, { description: 'One published version.' })
  async version(@Parent() article: ArticleNode, @Context() ctx: GraphqlContext, @Args('number', { type: () => Int }, ParseIntPipe) number: number): Promise<KnowledgeArticleVersionType> {
    const version = await this.articles.version(article.id, number);
    return { ...version, author: await this.loaders.people(ctx).load(version.authorId) };
  }

  @ResolveField(() => KnowledgeArticleDiffType, { description: 'What changed from one published version to another, line by line.' })
  diff(@Parent() article: ArticleNode, @Args('from', { type: () => Int }) from: number, @Args('to', { type: () => Int }) to: number) {
    return this.articles.diff(article.id, from, to);
  }

  private async page(viewer: Viewer, page: { edges: Array<{ cursor: string; node: KnowledgeArticleEntity }>; pageInfo: unknown }) {
    const communityIds = [...new Set(page.edges.map((e) => e.node.communityId).filter((id): id is string => id !== null))];
    const access = await this.communities.factsMany(viewer, communityIds);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toType(viewer, { article: e.node, access: e.node.communityId ? (access.get(e.node.communityId) ?? null) : null }) })),
    };
  }

  private toType(viewer: Viewer, { article, access }: LoadedArticle): ArticleNode {
    const resource = articleResource(access, article);
    const seesDraft = this.scope.can(viewer, ArticleAction.ReadDraft, resource);
    const now = this.clock.now();
    return {
      id: article.id,
      communityId: article.communityId,
      collectionId: article.collectionId,
      kind: article.kind,
      state: article.state,
      title: article.publishedVersion > 0 ? article.title : article.draftTitle,
      bodyHtml: article.bodyHtml,
      tags: article.tags,
      sharedExternally: article.sharedExternally,
      publishedVersion: article.publishedVersion,
      publishedAt: article.publishedAt,
      lastReviewedAt: article.lastReviewedAt,
      reviewPeriodDays: article.reviewPeriodDays,
      reviewDueAt: article.reviewDueAt,
      reviewDue: isLive(article) && article.reviewDueAt !== null && article.reviewDueAt <= now,
      helpfulCount: article.helpfulCount,
      notHelpfulCount: article.notHelpfulCount,
      viewCount: article.viewCount,
      updatedAt: article.updatedAt,
      draft: seesDraft
        ? {
            title: article.draftTitle,
            body: article.draftBody,
            bodyHtml: article.draftBodyHtml,
            revision: article.revision,
            approved: article.approvedRevision === article.revision,
            reviewComment: article.reviewComment,
          }
        : null,
      viewerCan: {
        edit: this.scope.can(viewer, ArticleAction.Edit, resource),
        review: this.scope.can(viewer, ArticleAction.Review, resource),
        publish: this.scope.can(viewer, ArticleAction.Publish, resource),
        feedback: isLive(article) && this.scope.can(viewer, ArticleAction.Feedback, resource),
      },
      ownerIds: article.ownerIds,
      reviewerIds: article.reviewerIds,
      sourceThreadId: article.sourceThreadId,
      access,
    };
  }
}
