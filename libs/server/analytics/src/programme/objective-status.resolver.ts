import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { ObjectiveType } from '@commons/server-communities';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { ObjectivesOverviewInput } from './dto/programme.inputs';
import { ObjectivesOverviewType, ObjectiveStatusType } from './dto/objective-status.types';
import { ObjectivesOverviewService } from './objectives-overview.service';
import { ObjectiveStatusLoader } from './objective-status.loader';
import type { ObjectiveStatusResult } from './objective-status.service';

const toStatusType = (s: ObjectiveStatusResult): ObjectiveStatusType => ({ ...s, metric: s.definition });

/** Objectives' progress: a field on the communities domain's Objective, and the steering committee's overview. */
@Resolver(() => ObjectiveType)
export class ObjectiveStatusResolver {
  constructor(
    private readonly loader: ObjectiveStatusLoader,
    private readonly overview: ObjectivesOverviewService,
  ) {}

  // Readable by whoever could read the objective (its community's readers); null for anyone signed out.
  @ResolveField(() => ObjectiveStatusType, { nullable: true, description: 'The current value and where its trend leads by the due date.' })
  @Authorize(PlatformAction.SignedIn)
  async status(@Parent() objective: ObjectiveType, @Context() ctx: GraphqlContext): Promise<ObjectiveStatusType> {
    return toStatusType(await this.loader.status(ctx).load(objective));
  }

  @Query(() => ObjectivesOverviewType, { description: "Every community's objectives with their status (due between from and to, when given). The steering committee." })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  async objectivesOverview(
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GraphqlContext,
    @Args('input', { type: () => ObjectivesOverviewInput, defaultValue: {} }) input: ObjectivesOverviewInput,
  ): Promise<ObjectivesOverviewType> {
    const { asOf, rows } = await this.overview.overview(viewer, input);
    // The statuses are known: the Objective.status fields of this request read them from the loader.
    const loader = this.loader.status(ctx);
    for (const row of rows) loader.prime(row.objective, row.status);
    const communities = new Map<string, ObjectivesOverviewType['communities'][number]>();
    for (const row of rows) {
      const group = communities.get(row.objective.communityId) ?? {
        communityId: row.objective.communityId,
        name: row.communityName,
        slug: row.communitySlug,
        lifecycle: row.lifecycle,
        objectives: [],
      };
      group.objectives.push(row.objective);
      communities.set(group.communityId, group);
    }
    return { asOf, counts: ObjectivesOverviewService.counts(rows), communities: [...communities.values()] };
  }
}
