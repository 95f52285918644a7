import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditTrail,
  auditActorOf,
  AuthorizationService,
  Clock,
  ConflictError,
  DomainEvents,
  ForbiddenError,
  NotFoundError,
  uuidv7,
  ValidationError,
  type Viewer,
} from '@commons/server-core';
import { AccountEntity, AccountsService } from '@commons/server-identity';
import { Audience, CommunityLifecycle, CommunityRole, CommunityVisibility } from '@commons/shared-contracts';
import { CommunityAction, type CommunityAccess } from './community-access';
import { CommunityAccessService } from './community-access.service';
import type { LoadedCommunity } from './community.repository';
import { MembershipHistory } from './membership-history';
import { CommunityBanEntity } from './entities/community-ban.entity';
import { CommunityInvitationEntity, InvitationStatus } from './entities/community-invitation.entity';
import { CommunityMembershipEntity } from './entities/community-membership.entity';
import { JoinRequestEntity, JoinRequestStatus } from './entities/join-request.entity';
import { MembershipEventKind } from './entities/membership-event.entity';
import type {
  BanMemberInput,
  CommunityMemberInput,
  DecideJoinRequestInput,
  InviteToCommunityInput,
  RequestToJoinInput,
  SetMemberRoleInput,
} from './dto/membership.inputs';

/** Why a join is refused, in words a person can act on. */
function joinRefusal(c: CommunityAccess): string {
  if (c.banned) return 'You are banned from this community.';
  if (c.lifecycle === CommunityLifecycle.Archived) return 'This community is archived.';
  if (c.lifecycle === CommunityLifecycle.Pilot) return 'This community is in pilot: only its pilot cohort can join for now.';
  if (c.lifecycle === CommunityLifecycle.Draft) return 'This community is not open yet.';
  if (c.visibility === CommunityVisibility.Private) return 'This community is private: ask to join instead.';
  return 'You cannot join this community.';
}

/** Joining, leaving, requests, invitations, roles and bans. Every change is one transaction with its history row. */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly history: MembershipHistory,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Joins an open community, a pilot as a cohort member, or any community the viewer is invited to. */
  async join(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    const loaded = await this.communities.visible(viewer, communityId);
    if (loaded.access.role) return loaded;
    if (!this.authorization.can(viewer, CommunityAction.Join, loaded)) throw new ForbiddenError(joinRefusal(loaded.access));
    await this.dataSource.transaction(async (manager) => {
      await this.communities.lock(manager, communityId);
      const invitation = await this.pendingInvitationFor(manager, viewer, communityId);
      const role = invitation?.role ?? CommunityRole.Member;
      await this.addMember(manager, viewer, communityId, viewer.accountId, role);
      if (invitation) await manager.update(CommunityInvitationEntity, invitation.id, { status: InvitationStatus.Accepted, respondedAt: this.clock.now() });
      await this.closePendingRequest(manager, communityId, viewer.accountId, JoinRequestStatus.Cancelled, null, null);
    });
    return this.communities.visible(viewer, communityId);
  }

  async requestToJoin(viewer: Viewer, input: RequestToJoinInput): Promise<LoadedCommunity> {
    const loaded = await this.communities.visible(viewer, input.communityId);
    if (loaded.access.role) throw new ConflictError('You are already a member.');
    if (!this.authorization.can(viewer, CommunityAction.RequestToJoin, loaded)) {
      throw new ForbiddenError(loaded.access.visibility === CommunityVisibility.Open ? 'This community is open: join it directly.' : joinRefusal(loaded.access));
    }
    const pending = () => new ConflictError('You have already asked to join; a manager will decide.');
    await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(JoinRequestEntity, { where: { communityId: input.communityId, accountId: viewer.accountId, status: JoinRequestStatus.Pending } })) {
        throw pending();
      }
      const id = uuidv7();
      try {
        await manager.insert(JoinRequestEntity, {
          id,
          communityId: input.communityId,
          accountId: viewer.accountId,
          message: input.message ?? null,
          status: JoinRequestStatus.Pending,
          createdAt: this.clock.now(),
          decidedAt: null,
          decidedById: null,
          decisionReason: null,
        });
      } catch (error) {
        throw (error as { code?: string }).code === '23505' ? pending() : error;
      }
      // The community's managers hear of it.
      await this.events.record(manager, { type: 'community.join-request.created', communityId: input.communityId, subjectId: id, payload: { requestId: id, accountId: viewer.accountId } });
    });
    return this.communities.visible(viewer, input.communityId);
  }

  async cancelJoinRequest(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    await this.communities.visible(viewer, communityId);
    await this.dataSource.transaction((manager) =>
      this.closePendingRequest(manager, communityId, viewer.accountId, JoinRequestStatus.Cancelled, viewer.accountId, null),
    );
    return this.communities.visible(viewer, communityId);
  }

  /** Approves (the requester becomes a member) or denies (with a reason they will see). */
  async decideJoinRequest(viewer: Viewer, input: DecideJoinRequestInput): Promise<JoinRequestEntity> {
    const request = await this.dataSource.getRepository(JoinRequestEntity).findOne({ where: { id: input.requestId } });
    if (!request) throw new NotFoundError('The request');
    await this.requireManage(viewer, request.communityId, 'The request');
    if (!input.approve && !input.reason) throw ValidationError.field('reason', 'Give the requester a reason.');
    return this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, request.communityId);
      this.communities.assertNotArchived(community);
      const current = await manager.findOne(JoinRequestEntity, { where: { id: request.id } });
      if (current?.status !== JoinRequestStatus.Pending) throw new ConflictError('This request has already been decided.');
      if (input.approve) {
        if (await this.activeBan(manager, request.communityId, request.accountId)) {
          throw new ConflictError('This person is banned from the community; lift the ban first.');
        }
        await this.addMember(manager, viewer, request.communityId, request.accountId, CommunityRole.Member);
      }
      Object.assign(current, {
        status: input.approve ? JoinRequestStatus.Approved : JoinRequestStatus.Denied,
        decidedAt: this.clock.now(),
        decidedById: viewer.accountId,
        decisionReason: input.reason ?? null,
      });
      await manager.save(current);
      await this.events.record(manager, {
        type: 'community.join-request.decided',
        communityId: current.communityId,
        subjectId: current.id,
        payload: { requestId: current.id, accountId: current.accountId, approved: input.approve, by: viewer.accountId },
      });
      return current;
    });
  }

  /** Invites an account, or an address that may not have an account yet. */
  async invite(viewer: Viewer, input: InviteToCommunityInput): Promise<CommunityInvitationEntity> {
    if (!input.accountId === !input.email) throw ValidationError.field('accountId', 'Choose a person or enter an e-mail address.');
    const loaded = await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    if (loaded.community.lifecycle === CommunityLifecycle.Pilot && input.role === CommunityRole.Member) {
      throw ValidationError.field('role', 'During the pilot, add people to its cohort; invite only moderators and managers.');
    }
    return this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, input.communityId);
      this.communities.assertNotArchived(community);
      const email = input.email ? AccountsService.normalizeEmail(input.email) : null;
      const account = input.accountId
        ? await manager.findOne(AccountEntity, { where: { id: input.accountId } })
        : await manager.findOne(AccountEntity, { where: { email: email as string } });
      if (input.accountId && !account) throw new NotFoundError('The account');
      if (account) {
        if (account.audience !== Audience.Employee && !community.audiences.includes(account.audience)) {
          throw ValidationError.field(input.accountId ? 'accountId' : 'email', 'This community does not serve this person’s audience.');
        }
        if (await manager.exists(CommunityMembershipEntity, { where: { communityId: community.id, accountId: account.id } })) {
          throw new ConflictError('This person is already a member.');
        }
        if (await this.activeBan(manager, community.id, account.id)) throw new ConflictError('This person is banned from the community; lift the ban first.');
      }
      const duplicate = await manager
        .createQueryBuilder(CommunityInvitationEntity, 'i')
        .where('i.community_id = :communityId AND i.status = :pending', { communityId: community.id, pending: InvitationStatus.Pending })
        .andWhere('(i.account_id = :accountId OR i.email = :email)', { accountId: account?.id ?? null, email: account?.email ?? email })
        .getExists();
      if (duplicate) throw new ConflictError('This person already has a pending invitation.');
      const invitation = manager.create(CommunityInvitationEntity, {
        id: uuidv7(),
        communityId: community.id,
        accountId: account?.id ?? null,
        email: account?.email ?? email,
        role: input.role,
        status: InvitationStatus.Pending,
        invitedById: viewer.accountId,
        createdAt: this.clock.now(),
        respondedAt: null,
      });
      await manager.insert(CommunityInvitationEntity, invitation);
      await this.recordInvitation(manager, viewer, 'member.invite', invitation, null, { status: invitation.status });
      // An address with no account yet has nobody to tell in the platform.
      if (invitation.accountId) {
        await this.events.record(manager, {
          type: 'community.invitation.created',
          communityId: invitation.communityId,
          subjectId: invitation.id,
          payload: { invitationId: invitation.id, accountId: invitation.accountId, invitedById: viewer.accountId, role: invitation.role },
        });
      }
      return invitation;
    });
  }

  /** Accepting joins with the invited role; declining closes the invitation. */
  async respondToInvitation(viewer: Viewer, invitationId: string, accept: boolean): Promise<LoadedCommunity | null> {
    const invitation = await this.dataSource.transaction((manager) => this.invitationFor(manager, viewer, invitationId));
    if (!accept) {
      await this.dataSource.transaction((manager) =>
        manager.update(CommunityInvitationEntity, invitation.id, { status: InvitationStatus.Declined, respondedAt: this.clock.now() }),
      );
      return null;
    }
    return this.join(viewer, invitation.communityId);
  }

  async revokeInvitation(viewer: Viewer, invitationId: string): Promise<CommunityInvitationEntity> {
    const invitation = await this.dataSource.getRepository(CommunityInvitationEntity).findOne({ where: { id: invitationId } });
    if (!invitation) throw new NotFoundError('The invitation');
    await this.requireManage(viewer, invitation.communityId, 'The invitation');
    if (invitation.status !== InvitationStatus.Pending) throw new ConflictError('This invitation has already been answered.');
    const revoked = { ...invitation, status: InvitationStatus.Revoked, respondedAt: this.clock.now() };
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(
        CommunityInvitationEntity,
        { id: invitation.id, status: InvitationStatus.Pending },
        { status: revoked.status, respondedAt: revoked.respondedAt },
      );
      // Answered or revoked by someone else since it was read.
      if (!affected) throw new ConflictError('This invitation has already been answered.');
      await this.recordInvitation(manager, viewer, 'member.invite.revoke', revoked, { status: InvitationStatus.Pending }, { status: revoked.status });
    });
    return revoked;
  }

  async leave(viewer: Viewer, communityId: string): Promise<LoadedCommunity | null> {
    await this.communities.require(viewer, communityId, CommunityAction.Leave);
    await this.dataSource.transaction(async (manager) => {
      await this.communities.lock(manager, communityId);
      const membership = await this.membership(manager, communityId, viewer.accountId);
      if (!membership) return;
      await this.assertAnotherManager(manager, membership, 'Make someone else a manager before you leave.');
      await manager.delete(CommunityMembershipEntity, { communityId, accountId: viewer.accountId });
      await this.history.record(manager, { communityId, accountId: viewer.accountId, kind: MembershipEventKind.Left, previousRole: membership.role, actor: viewer });
    });
    // A secret community the viewer has left is gone from their view.
    return this.communities.visible(viewer, communityId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  async remove(viewer: Viewer, input: CommunityMemberInput): Promise<LoadedCommunity> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    if (input.accountId === viewer.accountId) throw ValidationError.field('accountId', 'To leave the community yourself, use Leave.');
    await this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, input.communityId);
      this.communities.assertNotArchived(community);
      const membership = await this.membership(manager, input.communityId, input.accountId);
      if (!membership) throw new NotFoundError('The member');
      await this.assertAnotherManager(manager, membership, 'This is the last manager; make someone else a manager first.');
      await manager.delete(CommunityMembershipEntity, { communityId: input.communityId, accountId: input.accountId });
      await this.history.record(manager, {
        communityId: input.communityId,
        accountId: input.accountId,
        kind: MembershipEventKind.Removed,
        previousRole: membership.role,
        actor: viewer,
        reason: input.reason,
      });
    });
    return this.communities.visible(viewer, input.communityId);
  }

  async setRole(viewer: Viewer, input: SetMemberRoleInput): Promise<CommunityMembershipEntity> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    return this.dataSource.transaction(async (manager) => {
      const community = await this.communities.lock(manager, input.communityId);
      this.communities.assertNotArchived(community);
      const membership = await this.membership(manager, input.communityId, input.accountId);
      if (!membership) throw new NotFoundError('The member');
      if (membership.role === input.role) return membership;
      if (input.role !== CommunityRole.Manager) await this.assertAnotherManager(manager, membership, 'This is the last manager; make someone else a manager first.');
      const previousRole = membership.role;
      membership.role = input.role;
      await manager.save(membership);
      await this.history.record(manager, {
        communityId: input.communityId,
        accountId: input.accountId,
        kind: MembershipEventKind.RoleChanged,
        role: input.role,
        previousRole,
        actor: viewer,
      });
      return membership;
    });
  }

  /** Bans an account (member or not) until a date or for good; they lose membership, requests and invitations. */
  async ban(viewer: Viewer, input: BanMemberInput): Promise<CommunityBanEntity> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    if (input.accountId === viewer.accountId) throw ValidationError.field('accountId', 'You cannot ban yourself.');
    if (input.endsAt && input.endsAt <= this.clock.now()) throw ValidationError.field('endsAt', 'A ban must end in the future.');
    return this.dataSource.transaction(async (manager) => {
      await this.communities.lock(manager, input.communityId);
      if (!(await manager.exists(AccountEntity, { where: { id: input.accountId } }))) throw new NotFoundError('The account');
      if (await this.activeBan(manager, input.communityId, input.accountId)) throw new ConflictError('This person is already banned.');
      const now = this.clock.now();
      const membership = await this.membership(manager, input.communityId, input.accountId);
      if (membership) {
        await this.assertAnotherManager(manager, membership, 'This is the last manager; make someone else a manager first.');
        await manager.delete(CommunityMembershipEntity, { communityId: input.communityId, accountId: input.accountId });
      }
      await this.history.record(manager, {
        communityId: input.communityId,
        accountId: input.accountId,
        kind: MembershipEventKind.Banned,
        previousRole: membership?.role ?? null,
        actor: viewer,
        reason: input.reason,
      });
      await this.closePendingRequest(manager, input.communityId, input.accountId, JoinRequestStatus.Denied, viewer.accountId, input.reason);
      await manager.update(
        CommunityInvitationEntity,
        { communityId: input.communityId, accountId: input.accountId, status: InvitationStatus.Pending },
        { status: InvitationStatus.Revoked, respondedAt: now },
      );
      const ban = manager.create(CommunityBanEntity, {
        id: uuidv7(now.getTime()),
        communityId: input.communityId,
        accountId: input.accountId,
        reason: input.reason,
        endsAt: input.endsAt ?? null,
        bannedById: viewer.accountId,
        createdAt: now,
        liftedAt: null,
        liftedById: null,
      });
      await manager.insert(CommunityBanEntity, ban);
      return ban;
    });
  }

  async unban(viewer: Viewer, input: CommunityMemberInput): Promise<LoadedCommunity> {
    await this.communities.require(viewer, input.communityId, CommunityAction.Manage);
    await this.dataSource.transaction(async (manager) => {
      const ban = await this.activeBan(manager, input.communityId, input.accountId);
      if (!ban) throw new NotFoundError('The ban');
      await manager.update(CommunityBanEntity, ban.id, { liftedAt: this.clock.now(), liftedById: viewer.accountId });
      await this.history.record(manager, {
        communityId: input.communityId,
        accountId: input.accountId,
        kind: MembershipEventKind.Unbanned,
        actor: viewer,
        reason: input.reason,
      });
    });
    return this.communities.visible(viewer, input.communityId);
  }

  /**
   * An invitation a manager made or revoked, in the community's audit log. The invited account is named
   * by id; an address only when the invitation is for an address with no account yet (it is what the
   * manager typed), so the log does not show moderators an account's private e-mail address.
   */
  private recordInvitation(
    manager: EntityManager,
    viewer: Viewer,
    action: string,
    invitation: CommunityInvitationEntity,
    before: { status: InvitationStatus } | null,
    after: { status: InvitationStatus },
  ): Promise<void> {
    const invited = { accountId: invitation.accountId, email: invitation.accountId ? null : invitation.email, role: invitation.role };
    return this.audit.record(manager, auditActorOf(viewer), {
      action,
      targetKind: 'community-invitation',
      targetId: invitation.id,
      communityId: invitation.communityId,
      before: before && { ...invited, ...before },
      after: { ...invited, ...after },
    });
  }

  private async requireManage(viewer: Viewer, communityId: string, what: string): Promise<LoadedCommunity> {
    // Whoever cannot see the community cannot learn that the request or invitation exists.
    const loaded = await this.communities.visible(viewer, communityId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(what) : error;
    });
    this.authorization.assert(viewer, CommunityAction.Manage, loaded);
    return loaded;
  }

  private async addMember(manager: EntityManager, viewer: Viewer, communityId: string, accountId: string, role: CommunityRole): Promise<void> {
    // Joining twice is harmless: only a new membership is recorded in the history.
    const inserted: unknown[] = await manager.query(
      `INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING account_id`,
      [communityId, accountId, role, this.clock.now()],
    );
    if (inserted.length === 0) return;
    await this.history.record(manager, { communityId, accountId, kind: MembershipEventKind.Joined, role, actor: viewer });
  }

  private membership(manager: EntityManager, communityId: string, accountId: string) {
    return manager.findOne(CommunityMembershipEntity, { where: { communityId, accountId } });
  }

  /** A community always keeps a manager. Callers hold the community lock, so two managers cannot both step down. */
  private async assertAnotherManager(manager: EntityManager, membership: CommunityMembershipEntity, message: string): Promise<void> {
    if (membership.role !== CommunityRole.Manager) return;
    const managers = await manager.count(CommunityMembershipEntity, { where: { communityId: membership.communityId, role: CommunityRole.Manager } });
    if (managers <= 1) throw new ConflictError(message);
  }

  private activeBan(manager: EntityManager, communityId: string, accountId: string): Promise<CommunityBanEntity | null> {
    return manager
      .createQueryBuilder(CommunityBanEntity, 'b')
      .where('b.community_id = :communityId AND b.account_id = :accountId AND b.lifted_at IS NULL', { communityId, accountId })
      .andWhere('(b.ends_at IS NULL OR b.ends_at > :now)', { now: this.clock.now() })
      .getOne();
  }

  private async closePendingRequest(
    manager: EntityManager,
    communityId: string,
    accountId: string,
    status: JoinRequestStatus,
    decidedById: string | null,
    reason: string | null,
  ): Promise<void> {
    await manager.update(
      JoinRequestEntity,
      { communityId, accountId, status: JoinRequestStatus.Pending },
      { status, decidedAt: this.clock.now(), decidedById, decisionReason: reason },
    );
  }

  private async pendingInvitationFor(manager: EntityManager, viewer: Viewer, communityId: string) {
    return manager
      .createQueryBuilder(CommunityInvitationEntity, 'i')
      .where('i.community_id = :communityId AND i.status = :pending', { communityId, pending: InvitationStatus.Pending })
      .andWhere('(i.account_id = :viewerId OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = :viewerId)))', {
        viewerId: viewer.accountId,
      })
      .orderBy('i.created_at', 'DESC')
      .getOne();
  }

  private async invitationFor(manager: EntityManager, viewer: Viewer, invitationId: string): Promise<CommunityInvitationEntity> {
    const invitation = await manager
      .createQueryBuilder(CommunityInvitationEntity, 'i')
      .where('i.id = :invitationId AND i.status = :pending', { invitationId, pending: InvitationStatus.Pending })
      .andWhere('(i.account_id = :viewerId OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = :viewerId)))', {
        viewerId: viewer.accountId,
      })
      .getOne();
    if (!invitation) throw new NotFoundError('The invitation');
    return invitation;
  }
}

