import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { AccountEntity, AccountType, toAccountType } from '@commons/server-identity';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { CommunityLoaders } from './communities.loader';
import { toCommunityType } from './community.mapper';
import { CohortsService } from './cohorts.service';
import type { LoadedCohort } from './cohort.repository';
import { CohortConnection, CohortType } from './dto/cohort.type';
import { CohortsArgs, CommunityCohortInput, COHORT_MAX_CHANGE, NewCohortInput, UpdateCohortInput } from './dto/cohort.inputs';
import { CommunityType } from './dto/community.type';

function toCohortType(cohort: LoadedCohort): CohortType {
  return { ...cohort };
}

@Resolver(() => CohortType)
export class CohortsResolver {
  constructor(
    private readonly cohortsService: CohortsService,
    private readonly communityAccess: CommunityAccessService,
    private readonly loaders: CommunityLoaders,
    private readonly authorization: AuthorizationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => CohortConnection, { description: 'Cohorts you run; every cohort for the steering committee and admins.' })
  @Authorize(PlatformAction.SignedIn)
  async cohorts(@CurrentViewer() viewer: Viewer, @Args() args: CohortsArgs) {
    const page = await this.cohortsService.list(viewer, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCohortType(e.node) })) };
  }

  @Query(() => CohortType)
  @Authorize(PlatformAction.SignedIn)
  async cohort(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return toCohortType(await this.cohortsService.get(viewer, id));
  }

  @Mutation(() => CohortType)
  @Authorize(PlatformAction.SignedIn)
  async createCohort(@CurrentViewer() viewer: Viewer, @Args('input') input: NewCohortInput) {
    return toCohortType(await this.cohortsService.create(viewer, input));
  }

  @Mutation(() => CohortType, { description: 'Renames the cohort, adds and removes people.' })
  @Authorize(PlatformAction.SignedIn)
  async updateCohort(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateCohortInput) {
    return toCohortType(await this.cohortsService.update(viewer, input));
  }

  @Mutation(() => ID, { description: 'Deletes a cohort no pilot is using; returns its id.' })
  @Authorize(PlatformAction.SignedIn)
  async deleteCohort(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    await this.cohortsService.delete(viewer, id);
    return id;
  }

  @Mutation(() => CommunityType, { description: 'Attaches a cohort to a community you manage: in pilot, its people may take part.' })
  @Authorize(PlatformAction.SignedIn)
  async attachCohort(@CurrentViewer() viewer: Viewer, @Args('input') input: CommunityCohortInput) {
    await this.cohortsService.attach(viewer, input);
    return toCommunityType(await this.communityAccess.visible(viewer, input.communityId));
  }

  @Mutation(() => CommunityType)
  @Authorize(PlatformAction.SignedIn)
  async detachCohort(@CurrentViewer() viewer: Viewer, @Args('input') input: CommunityCohortInput) {
    await this.cohortsService.detach(viewer, input);
    return toCommunityType(await this.communityAccess.visible(viewer, input.communityId));
  }

  @ResolveField(() => [AccountType], { description: `The people in the cohort, by name (up to ${COHORT_MAX_CHANGE}).` })
  async members(@Parent() cohort: CohortType) {
    const accounts = await this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoin('cohort_members', 'cm', 'cm.account_id = a.id AND cm.cohort_id = :cohortId', { cohortId: cohort.id })
      .orderBy('a.sort_name')
      .addOrderBy('a.id')
      .limit(COHORT_MAX_CHANGE)
      .getMany();
    return accounts.map(toAccountType);
  }

  @ResolveField(() => [CommunityType], { description: 'Communities it is attached to that you may see.' })
  async communities(@Parent() cohort: CohortType, @CurrentViewer() viewer: Viewer, @Context() ctx: GraphqlContext) {
    const rows: Array<{ community_id: string }> = await this.dataSource.query(
      'SELECT community_id FROM community_cohorts WHERE cohort_id = $1',
      [cohort.id],
    );
    const loaded = await this.loaders.community(ctx, viewer).loadMany(rows.map((r) => r.community_id));
    return loaded.flatMap((c) => (c && !(c instanceof Error) && this.authorization.can(viewer, CommunityAction.View, c) ? [toCommunityType(c)] : []));
  }
}
