import { Injectable } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import { byKeys, LoaderKey, type GraphqlContext } from '@commons/server-graphql';
import type { AccountEntity } from '@commons/server-identity';
import type { CommunityAccess } from './community-access';
import { CommunityRepository, type LoadedCommunity } from './community.repository';
import { CohortRepository, type LoadedCohort } from './cohort.repository';
import { MembershipRepository } from './membership.repository';
import type { ObjectiveEntity } from './entities/objective.entity';
import type { JoinRequestEntity } from './entities/join-request.entity';

const ACCESS = new LoaderKey<string, CommunityAccess | null>('community-access');
const MEMBER_COUNTS = new LoaderKey<string, number>('community-member-counts');
const OBJECTIVES = new LoaderKey<string, ObjectiveEntity[]>('community-objectives');
const ACCOUNTS = new LoaderKey<string, AccountEntity | null>('community-accounts');
const COHORTS = new LoaderKey<string, LoadedCohort[]>('community-cohorts');
const JOIN_REQUESTS = new LoaderKey<string, JoinRequestEntity | null>('community-viewer-join-requests');
const COMMUNITIES = new LoaderKey<string, LoadedCommunity | null>('communities');

/**
 * Batches what a list of communities needs, one statement per kind for the whole page:
 * the viewer's access facts, member counts, objectives, owners, attached cohorts.
 * Loaders live in the request's GraphQL context, never longer.
 */
@Injectable()
export class CommunityLoaders {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly memberships: MembershipRepository,
    private readonly cohortRepository: CohortRepository,
  ) {}

  access(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(ACCESS, async (ids) => {
      const facts = await this.communities.accessFacts(viewer, ids);
      return ids.map((id) => facts.get(id) ?? null);
    });
  }

  /** Whole communities with access facts (for objects that point at a community). */
  community(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(COMMUNITIES, async (ids) => {
      const loaded = await this.communities.load(viewer, ids);
      return ids.map((id) => loaded.get(id) ?? null);
    });
  }

  /** The viewer's latest request to join each community. */
  viewerJoinRequest(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(JOIN_REQUESTS, async (ids) => {
      const requests = await this.memberships.latestRequests(viewer.accountId, ids);
      return ids.map((id) => requests.get(id) ?? null);
    });
  }

  memberCount(ctx: GraphqlContext) {
    return ctx.loaders.get(MEMBER_COUNTS, async (ids) => {
      const counts = await this.communities.memberCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  objectives(ctx: GraphqlContext) {
    return ctx.loaders.get(OBJECTIVES, async (ids) => {
      const objectives = await this.memberships.objectives(ids);
      return ids.map((id) => objectives.get(id) ?? []);
    });
  }

  account(ctx: GraphqlContext) {
    return ctx.loaders.get(ACCOUNTS, async (ids) => {
      const accounts = await this.memberships.accounts(ids);
      return byKeys(ids, [...accounts.values()], (a) => a.id, (a) => a as AccountEntity | null, null);
    });
  }

  cohorts(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(COHORTS, async (ids) => {
      const attached = await this.cohortRepository.attachedTo(viewer, ids);
      return ids.map((id) => attached.get(id) ?? []);
    });
  }
}
