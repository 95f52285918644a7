import { ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { auditActorOf, PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, ConnectionArgs, CurrentViewer } from '@commons/server-graphql';
import { ModerationAccess } from './access/moderation-access';
import { AppealsService } from './appeals/appeals.service';
import { AuditLog } from './audit/audit-log';
import { DryRunService } from './dry-run/dry-run.service';
import { FlagsService } from './flags/flags.service';
import { ModerationNotices } from './notices/moderation-notices';
import { PoliciesService } from './policies/policies.service';
import { People } from './review/people';
import { ReviewQueueService } from './review/review-queue.service';
import { SanctionsService } from './sanctions/sanctions.service';
import {
  AppealInput,
  AppealsArgs,
  AuditLogArgs,
  AuditLogFilter,
  DecideAppealInput,
  FlagContentInput,
  ImposeSanctionInput,
  QueueArgs,
  ReviewItemInput,
  ReviewItemsInput,
  SanctionsArgs,
  SavePolicyVersionInput,
  StartDryRunInput,
  TestModerationTextInput,
} from './dto/moderation.inputs';
import {
  AppealType,
  AuditEntryConnection,
  BulkReviewResultType,
  CommunityModerationType,
  DecisionType,
  DryRunType,
  FlagResultType,
  NoticeConnection,
  PolicyType,
  PolicyVersionType,
  QueueItemConnection,
  QueueItemType,
  SanctionType,
} from './dto/moderation.types';


/** The moderation API: thin, every rule is in the services (which check who may act). */
@Resolver()
export class ModerationResolver {
  constructor(
    private readonly policies: PoliciesService,
    private readonly queue: ReviewQueueService,
    private readonly flags: FlagsService,
    private readonly sanctions: SanctionsService,
    private readonly appeals: AppealsService,
    private readonly dryRuns: DryRunService,
    private readonly audit: AuditLog,
    private readonly notices: ModerationNotices,
    private readonly access: ModerationAccess,
    private readonly people: People,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => CommunityModerationType, { description: "A community's policy, platform rules and queue size. Moderators and managers (FORBIDDEN otherwise; NOT_FOUND when you cannot see the community)." })
  @Authorize(PlatformAction.SignedIn)
  communityModeration(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return this.policies.communityModeration(viewer, communityId);
  }

  @Query(() => [PolicyType], { description: 'The platform rules and the audience defaults. Admins.' })
  @Authorize(PlatformAction.SignedIn)
  platformModerationPolicies(@CurrentViewer() viewer: Viewer) {
    return this.policies.platformPolicies(viewer);
  }

  @Query(() => DecisionType, { description: '"Test this text": the decision and matched rules, recording nothing.' })
  @Authorize(PlatformAction.SignedIn)
  testModerationText(@CurrentViewer() viewer: Viewer, @Args('input') input: TestModerationTextInput) {
    return this.policies.test(viewer, input);
  }

  @Mutation(() => PolicyType, { description: "Gives the community its own policy, starting from its audience default's rules." })
  @Authorize(PlatformAction.SignedIn)
  adoptModerationPolicy(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return this.policies.adopt(viewer, auditActorOf(viewer), communityId);
  }

  @Mutation(() => PolicyVersionType, { description: 'Saves the rules as a new version. BAD_USER_INPUT names `rules.<ruleId>.<property>`.' })
  @Authorize(PlatformAction.SignedIn)
  saveModerationPolicyVersion(@CurrentViewer() viewer: Viewer, @Args('input') input: SavePolicyVersionInput) {
    return this.policies.saveVersion(viewer, auditActorOf(viewer), input);
  }

  @Mutation(() => PolicyType)
  @Authorize(PlatformAction.SignedIn)
  activateModerationPolicyVersion(
    @CurrentViewer() viewer: Viewer,
    @Args('policyId', { type: () => ID }, ParseUUIDPipe) policyId: string,
    @Args('version', { type: () => Int }) version: number,
  ) {
    return this.policies.activate(viewer, auditActorOf(viewer), policyId, version);
  }

  @Mutation(() => DryRunType, { description: 'Replays a version on recent history in the background; poll moderationDryRun for progress.' })
  @Authorize(PlatformAction.SignedIn)
  startModerationDryRun(@CurrentViewer() viewer: Viewer, @Args('input') input: StartDryRunInput) {
    return this.dryRuns.start(viewer, auditActorOf(viewer), input);
  }

  @Query(() => DryRunType)
  @Authorize(PlatformAction.SignedIn)
  moderationDryRun(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.dryRuns.get(viewer, id);
  }

  @Query(() => QueueItemConnection, { description: 'Held and flagged posts, oldest first.' })
  @Authorize(PlatformAction.SignedIn)
  moderationQueue(@CurrentViewer() viewer: Viewer, @Args() args: QueueArgs) {
    return this.queue.page(viewer, args);
  }

  @Query(() => QueueItemType, { description: 'An item with the author’s moderation history.' })
  @Authorize(PlatformAction.SignedIn)
  moderationQueueItem(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.queue.item(viewer, id);
  }

  @Mutation(() => QueueItemType, { description: 'Approve, reject or escalate; CONFLICT when someone decided first.' })
  @Authorize(PlatformAction.SignedIn)
  reviewModerationItem(@CurrentViewer() viewer: Viewer, @Args('input') input: ReviewItemInput) {
    return this.queue.review(viewer, auditActorOf(viewer), input);
  }

  @Mutation(() => BulkReviewResultType)
  @Authorize(PlatformAction.SignedIn)
  reviewModerationItems(@CurrentViewer() viewer: Viewer, @Args('input') input: ReviewItemsInput) {
    return this.queue.reviewMany(viewer, auditActorOf(viewer), input.itemIds, input.action, input.reason);
  }

  @Mutation(() => FlagResultType, { description: 'Flags a post you can read (once).' })
  @Authorize(PlatformAction.SignedIn)
  flagContent(@CurrentViewer() viewer: Viewer, @Args('input') input: FlagContentInput) {
    return this.flags.flag(viewer, input);
  }

  @Query(() => [SanctionType])
  @Authorize(PlatformAction.SignedIn)
  moderationSanctions(@CurrentViewer() viewer: Viewer, @Args() args: SanctionsArgs) {
    return this.sanctions.list(viewer, args);
  }

  @Mutation(() => SanctionType)
  @Authorize(PlatformAction.SignedIn)
  imposeSanction(@CurrentViewer() viewer: Viewer, @Args('input') input: ImposeSanctionInput) {
    return this.sanctions.impose(viewer, auditActorOf(viewer), input);
  }

  @Mutation(() => SanctionType)
  @Authorize(PlatformAction.SignedIn)
  revokeSanction(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('reason') reason: string) {
    return this.sanctions.revoke(viewer, auditActorOf(viewer), id, reason.trim() || 'Revoked.');
  }

  @Mutation(() => AppealType, { description: 'Appeals a rejection, hold or sanction of yours, once.' })
  @Authorize(PlatformAction.SignedIn)
  appealModeration(@CurrentViewer() viewer: Viewer, @Args('input') input: AppealInput) {
    return this.appeals.appeal(viewer, auditActorOf(viewer), input);
  }

  @Query(() => [AppealType], { description: 'Appeals to decide, oldest first.' })
  @Authorize(PlatformAction.SignedIn)
  moderationAppeals(@CurrentViewer() viewer: Viewer, @Args() args: AppealsArgs) {
    return this.appeals.list(viewer, args.communityId, args.status);
  }

  @Query(() => [AppealType], { description: 'Your appeals, newest first.' })
  @Authorize(PlatformAction.SignedIn)
  myModerationAppeals(@CurrentViewer() viewer: Viewer) {
    return this.appeals.mine(viewer);
  }

  @Mutation(() => AppealType, { description: 'FORBIDDEN for the moderator who made the decision, where another can decide.' })
  @Authorize(PlatformAction.SignedIn)
  decideAppeal(@CurrentViewer() viewer: Viewer, @Args('input') input: DecideAppealInput) {
    return this.appeals.decide(viewer, auditActorOf(viewer), input);
  }

  @Query(() => AuditEntryConnection, { description: "The audit log, newest first: a community's for its moderators, everything for admins." })
  @Authorize(PlatformAction.SignedIn)
  async auditLog(@CurrentViewer() viewer: Viewer, @Args() args: AuditLogArgs) {
    const filter = await this.auditFilter(viewer, args.filter);
    const page = await this.audit.page(filter, args);
    const names = await this.people.names(this.dataSource.manager, page.edges.map((e) => e.node.actorId));
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: {
          ...e.node,
          actor: e.node.actorId ? this.people.person(names, e.node.actorId) : null,
          before: e.node.before ? JSON.stringify(e.node.before) : null,
          after: e.node.after ? JSON.stringify(e.node.after) : null,
        },
      })),
    };
  }

  @Query(() => String, { description: 'The filtered audit log as CSV.' })
  @Authorize(PlatformAction.SignedIn)
  async auditLogCsv(@CurrentViewer() viewer: Viewer, @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null) {
    return this.audit.csv(await this.auditFilter(viewer, filter));
  }

  @Query(() => NoticeConnection, { description: 'What moderation told you, newest first.' })
  @Authorize(PlatformAction.SignedIn)
  moderationNotices(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.notices.page(viewer, args).then((page) => ({ ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, read: e.node.readAt !== null } })) }));
  }

  @Mutation(() => Int, { description: 'Marks your notices read; returns how many were unread.' })
  @Authorize(PlatformAction.SignedIn)
  markModerationNoticesRead(@CurrentViewer() viewer: Viewer) {
    return this.notices.markRead(viewer);
  }

  private async auditFilter(viewer: Viewer, filter: AuditLogFilter | null | undefined) {
    if (filter?.communityId) await this.access.moderatorOf(viewer, filter.communityId);
    else this.access.assertAdmin(viewer, 'Choose a community: the platform-wide log is for platform admins.');
    return { ...(filter ?? {}), communityIds: filter?.communityId ? [filter.communityId] : null };
  }
}
