import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { AuthorizationService, PlatformAction, renderMarkdown, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { AccountType, toAccountType } from '@commons/server-identity';
import { CommunityAction } from './community-access';
import { CommunitiesService } from './communities.service';
import { CommunityLoaders } from './communities.loader';
import { toCommunityType, toObjectiveType } from './community.mapper';
import type { CommunityEntity } from './entities/community.entity';
import { CommunitiesArgs, ChangeLifecycleInput, CommunityLookupArgs, CreateCommunityInput, MembershipFilter, UpdateCommunityInput } from './dto/community.inputs';
import { CommunityConnection, CommunityPermissionsType, CommunityType, ViewerMembershipType } from './dto/community.type';
import { ObjectiveType } from './dto/objective.type';
import { ConnectionArgs } from '@commons/server-graphql';

@Resolver(() => CommunityType)
export class CommunitiesResolver {
  constructor(
    private readonly service: CommunitiesService,
    private readonly loaders: CommunityLoaders,
    private readonly authorization: AuthorizationService,
  ) {}

  @Query(() => CommunityConnection, { description: 'The community directory: only communities the viewer may see, by name.' })
  @Authorize(PlatformAction.SignedIn)
  async communities(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext, @Args() args: CommunitiesArgs) {
    const [page, totalCount] = await Promise.all([this.service.list(viewer, args), this.service.count(viewer, args)]);
    return { ...page, totalCount, edges: await this.withAccess(ctx, viewer, page.edges) };
  }

  @Query(() => CommunityConnection, { description: 'Communities the viewer belongs to.' })
  @Authorize(PlatformAction.SignedIn)
  async myCommunities(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext, @Args() args: ConnectionArgs) {
    const mine = Object.assign(new CommunitiesArgs(), args, { filter: { membership: MembershipFilter.Member } });
    return this.communities(viewer, ctx, mine);
  }

  @Query(() => CommunityType, { description: 'One community by id or slug (a former slug finds it too). NOT_FOUND when you may not see it.' })
  @Authorize(PlatformAction.SignedIn)
  async community(@CurrentViewer() viewer: Viewer, @Args() args: CommunityLookupArgs): Promise<CommunityType> {
    return toCommunityType(await this.service.lookup(viewer, args));
  }

  @Mutation(() => CommunityType, { description: 'Creates a community (a draft, or a pilot with its cohort) with its objectives; you become its manager.' })
  @Authorize(PlatformAction.SignedIn)
  async createCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateCommunityInput): Promise<CommunityType> {
    return toCommunityType(await this.service.create(viewer, input));
  }

  @Mutation(() => CommunityType, { description: 'Edits settings; a new slug keeps the old one redirecting.' })
  @Authorize(PlatformAction.SignedIn)
  async updateCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateCommunityInput): Promise<CommunityType> {
    return toCommunityType(await this.service.update(viewer, input));
  }

  @Mutation(() => CommunityType, { description: 'Starts the pilot or opens the community to its audience.' })
  @Authorize(PlatformAction.SignedIn)
  async changeCommunityLifecycle(@CurrentViewer() viewer: Viewer, @Args('input') input: ChangeLifecycleInput): Promise<CommunityType> {
    return toCommunityType(await this.service.changeLifecycle(viewer, input));
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async archiveCommunity(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return toCommunityType(await this.service.archive(viewer, communityId));
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async restoreCommunity(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return toCommunityType(await this.service.restore(viewer, communityId));
  }

  @ResolveField(() => Int, { description: 'Current members.' })
  membersCount(@Parent() community: CommunityType, @Context() ctx: GraphqlContext): Promise<number> {
    return this.loaders.memberCount(ctx).load(community.id);
  }

  @ResolveField(() => AccountType, { nullable: true })
  async owner(@Parent() community: CommunityType, @Context() ctx: GraphqlContext): Promise<AccountType | null> {
    const owner = await this.loaders.account(ctx).load(community.ownerId);
    return owner ? toAccountType(owner) : null;
  }

  @ResolveField(() => String, { description: 'The charter as sanitized HTML.' })
  charterHtml(@Parent() community: CommunityType): string {
    return renderMarkdown(community.charter);
  }

  @ResolveField(() => ViewerMembershipType, { nullable: true, description: "The viewer's membership; null when not a member." })
  viewerMembership(@Parent() community: CommunityType): ViewerMembershipType | null {
    const { role, joinedAt } = community.access;
    return role && joinedAt ? { role, joinedAt } : null;
  }

  @ResolveField(() => CommunityPermissionsType)
  viewerCan(@Parent() community: CommunityType, @CurrentViewer() viewer: Viewer): CommunityPermissionsType {
    const can = (action: string) => this.authorization.can(viewer, action, community);
    return {
      view: can(CommunityAction.View),
      readContent: can(CommunityAction.ReadContent),
      join: can(CommunityAction.Join),
      requestToJoin: can(CommunityAction.RequestToJoin),
      leave: can(CommunityAction.Leave),
      participate: can(CommunityAction.Participate),
      moderate: can(CommunityAction.Moderate),
      manage: can(CommunityAction.Manage),
    };
  }

  @ResolveField(() => [ObjectiveType], { nullable: true, description: 'Null for those who may not read the community.' })
  @Authorize(CommunityAction.ReadContent)
  async objectives(@Parent() community: CommunityType, @Context() ctx: GraphqlContext): Promise<ObjectiveType[]> {
    return (await this.loaders.objectives(ctx).load(community.id)).map(toObjectiveType);
  }

  /** Attaches the viewer's access facts to a page of communities: one batched statement for the page. */
  private async withAccess(ctx: GraphqlContext, viewer: Viewer, edges: Array<{ cursor: string; node: CommunityEntity }>) {
    const facts = await this.loaders.access(ctx, viewer).loadMany(edges.map((e) => e.node.id));
    return edges.flatMap((edge, i) => {
      const access = facts[i];
      // A community deleted between the two statements simply drops out of the page.
      if (!access || access instanceof Error) return [];
      return [{ cursor: edge.cursor, node: toCommunityType({ community: edge.node, access }) }];
    });
  }
}
