import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { AuthorizationService, NotFoundError, PlatformAction, type Viewer } from '@commons/server-core';
import { CommunityAccessService } from './community-access.service';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { AccountType, toAccountType } from '@commons/server-identity';
import { CommunityAction } from './community-access';
import { CommunityLoaders } from './communities.loader';
import { toCommunityType } from './community.mapper';
import { MembershipRepository } from './membership.repository';
import { MembershipsService } from './memberships.service';
import { CohortType } from './dto/cohort.type';
import { CommunityMemberConnection, CommunityMemberType, CommunityType } from './dto/community.type';
import { BanMemberInput, CommunityMemberInput, DecideJoinRequestInput, InviteToCommunityInput, MembersArgs, RequestToJoinInput, SetMemberRoleInput } from './dto/membership.inputs';
import { CommunityBanType, CommunityInvitationType, JoinRequestConnection, JoinRequestType } from './dto/membership.types';
import { ConnectionArgs } from '@commons/server-graphql';

const communityId = () => Args('communityId', { type: () => ID }, ParseUUIDPipe);

/** Membership of communities: the viewer's own actions, and managers' lists and decisions. */
@Resolver(() => CommunityType)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly lists: MembershipRepository,
    private readonly loaders: CommunityLoaders,
    private readonly access: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {}

  @ResolveField(() => CommunityMemberConnection, { nullable: true, description: 'Null for those who may not read the community.' })
  @Authorize(CommunityAction.ReadContent)
  async members(@Parent() community: CommunityType, @Args() args: MembersArgs) {
    const page = await this.lists.members(community.id, args);
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: { account: toAccountType(e.node.account), role: e.node.membership.role, joinedAt: e.node.membership.joinedAt },
      })),
    };
  }

  @ResolveField(() => JoinRequestType, { nullable: true, description: "The viewer's latest request to join, pending or decided." })
  viewerJoinRequest(@Parent() community: CommunityType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    return this.loaders.viewerJoinRequest(ctx, viewer).load(community.id);
  }

  @ResolveField(() => JoinRequestConnection, { nullable: true, description: 'Pending requests, oldest first. Managers only.' })
  @Authorize(CommunityAction.Manage)
  joinRequests(@Parent() community: CommunityType, @Args() args: ConnectionArgs) {
    return this.lists.pendingRequests(community.id, args);
  }

  @ResolveField(() => [CommunityInvitationType], { nullable: true, description: 'Pending invitations. Managers only.' })
  @Authorize(CommunityAction.Manage)
  invitations(@Parent() community: CommunityType) {
    return this.lists.pendingInvitations(community.id);
  }

  @ResolveField(() => [CommunityBanType], { nullable: true, description: 'Bans in force. Managers only.' })
  @Authorize(CommunityAction.Manage)
  bans(@Parent() community: CommunityType) {
    return this.lists.activeBans(community.id);
  }

  @ResolveField(() => [CohortType], { nullable: true, description: 'Pilot cohorts attached. Managers only.' })
  @Authorize(CommunityAction.Manage)
  cohorts(@Parent() community: CommunityType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    return this.loaders.cohorts(ctx, viewer).load(community.id);
  }

  @Query(() => [AccountType], { description: 'Up to 10 people who may read the community and whose name starts with `search` (for @mentions).' })
  @Authorize(PlatformAction.SignedIn)
  async mentionCandidates(
    @CurrentViewer() viewer: Viewer,
    @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string,
    @Args('search') search: string,
  ) {
    const loaded = await this.access.visible(viewer, communityId);
    if (!this.authorization.can(viewer, CommunityAction.ReadContent, loaded)) throw new NotFoundError('The community');
    const term = search.trim().slice(0, 60);
    return term ? (await this.lists.mentionCandidates(communityId, term)).map(toAccountType) : [];
  }

  @Query(() => [CommunityInvitationType], { description: 'Invitations waiting for the viewer, newest first.' })
  @Authorize(PlatformAction.SignedIn)
  myCommunityInvitations(@CurrentViewer() viewer: Viewer) {
    return this.lists.invitationsFor(viewer.accountId);
  }

  @Mutation(() => CommunityType, { description: 'Joins an open community, a pilot as a cohort member, or one you are invited to.' })
  @Authorize(PlatformAction.SignedIn)
  async joinCommunity(@CurrentViewer() viewer: Viewer, @communityId() id: string) {
    return toCommunityType(await this.memberships.join(viewer, id));
  }

  @Mutation(() => CommunityType, { description: 'Asks the managers of a private community to let you in.' })
  @Authorize(PlatformAction.SignedIn)
  async requestToJoinCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: RequestToJoinInput) {
    return toCommunityType(await this.memberships.requestToJoin(viewer, input));
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async cancelJoinRequest(@CurrentViewer() viewer: Viewer, @communityId() id: string) {
    return toCommunityType(await this.memberships.cancelJoinRequest(viewer, id));
  }

  @Mutation(() => JoinRequestType, { description: 'Approves or denies a request (a reason is required to deny).' })
  @Authorize(PlatformAction.SignedIn)
  decideJoinRequest(@CurrentViewer() viewer: Viewer, @Args('input') input: DecideJoinRequestInput) {
    return this.memberships.decideJoinRequest(viewer, input);
  }

  @Mutation(() => CommunityInvitationType)
  @Authorize(PlatformAction.SignedIn)
  inviteToCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: InviteToCommunityInput) {
    return this.memberships.invite(viewer, input);
  }

  @Mutation(() => CommunityType, { nullable: true, description: 'Accepting joins the community; declining returns null.' })
  @Authorize(PlatformAction.SignedIn)
  async respondToCommunityInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('invitationId', { type: () => ID }, ParseUUIDPipe) invitationId: string,
    @Args('accept') accept: boolean,
  ) {
    const joined = await this.memberships.respondToInvitation(viewer, invitationId, accept);
    return joined ? toCommunityType(joined) : null;
  }

  @Mutation(() => CommunityInvitationType)
  @Authorize(PlatformAction.SignedIn)
  revokeCommunityInvitation(@CurrentViewer() viewer: Viewer, @Args('invitationId', { type: () => ID }, ParseUUIDPipe) invitationId: string) {
    return this.memberships.revokeInvitation(viewer, invitationId);
  }

  @Mutation(() => CommunityType, { nullable: true, description: 'Null when, having left, you may no longer see the community.' })
  @Authorize(PlatformAction.SignedIn)
  async leaveCommunity(@CurrentViewer() viewer: Viewer, @communityId() id: string) {
    const after = await this.memberships.leave(viewer, id);
    return after ? toCommunityType(after) : null;
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async removeCommunityMember(@CurrentViewer() viewer: Viewer, @Args('input') input: CommunityMemberInput) {
    return toCommunityType(await this.memberships.remove(viewer, input));
  }

  @Mutation(() => CommunityMemberType)
  @Authorize(PlatformAction.SignedIn)
  async setCommunityMemberRole(@CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext, @Args('input') input: SetMemberRoleInput) {
    const membership = await this.memberships.setRole(viewer, input);
    const account = await this.loaders.account(ctx).load(membership.accountId);
    return { account: toAccountType(account as NonNullable<typeof account>), role: membership.role, joinedAt: membership.joinedAt };
  }

  @Mutation(() => CommunityBanType, { description: 'Bans a person until a date, or for good; they lose their membership.' })
  @Authorize(PlatformAction.SignedIn)
  banFromCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: BanMemberInput) {
    return this.memberships.ban(viewer, input);
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async unbanFromCommunity(@CurrentViewer() viewer: Viewer, @Args('input') input: CommunityMemberInput) {
    return toCommunityType(await this.memberships.unban(viewer, input));
  }
}

/** The people and community behind requests, invitations and bans, batched per request. */
@Resolver(() => JoinRequestType)
export class JoinRequestFieldsResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => AccountType, { nullable: true })
  async account(@Parent() request: JoinRequestType, @Context() ctx: GraphqlContext) {
    const account = await this.loaders.account(ctx).load(request.accountId);
    return account ? toAccountType(account) : null;
  }
}

@Resolver(() => CommunityInvitationType)
export class InvitationFieldsResolver {
  constructor(
    private readonly loaders: CommunityLoaders,
    private readonly authorization: AuthorizationService,
  ) {}

  @ResolveField(() => CommunityType, { nullable: true, description: 'Null when you may not see the community.' })
  async community(@Parent() invitation: CommunityInvitationType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    const loaded = await this.loaders.community(ctx, viewer).load(invitation.communityId);
    return loaded && this.authorization.can(viewer, CommunityAction.View, loaded) ? toCommunityType(loaded) : null;
  }

  @ResolveField(() => AccountType, { nullable: true, description: 'The invited account, when it exists.' })
  async account(@Parent() invitation: CommunityInvitationType, @Context() ctx: GraphqlContext) {
    const account = invitation.accountId ? await this.loaders.account(ctx).load(invitation.accountId) : null;
    return account ? toAccountType(account) : null;
  }

  @ResolveField(() => AccountType, { nullable: true })
  async invitedBy(@Parent() invitation: CommunityInvitationType, @Context() ctx: GraphqlContext) {
    const account = await this.loaders.account(ctx).load(invitation.invitedById);
    return account ? toAccountType(account) : null;
  }
}

@Resolver(() => CommunityBanType)
export class BanFieldsResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => AccountType, { nullable: true })
  async account(@Parent() ban: CommunityBanType, @Context() ctx: GraphqlContext) {
    const account = await this.loaders.account(ctx).load(ban.accountId);
    return account ? toAccountType(account) : null;
  }
}
