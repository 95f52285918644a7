import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { ChampionConnection, ChampionDashboardType, ChampionType } from './dto/champion.type';
import { ChampionDashboardArgs, ChampionsArgs, EndChampionInput, NameChampionInput } from './dto/experts.inputs';
import { ChampionsService } from './champions.service';
import { ExpertsAction } from './experts-access';

@Resolver(() => ChampionType)
export class ChampionsResolver {
  constructor(private readonly service: ChampionsService) {}

  @Query(() => ChampionConnection, {
    description:
      'The champion directory by name, current roles unless includePast. Community champions of communities you may read; department champions to employees.',
  })
  @Authorize(ExpertsAction.ReadChampions)
  champions(@CurrentViewer() viewer: Viewer, @Args() args: ChampionsArgs) {
    return this.service.list(viewer, args);
  }

  @Mutation(() => ChampionType, { description: 'Names a champion for a community or a department. The programme team only.' })
  @Authorize(ExpertsAction.NameChampions)
  nameChampion(@CurrentViewer() viewer: Viewer, @Args('input') input: NameChampionInput): Promise<ChampionType> {
    return this.service.name(viewer, input);
  }

  @Mutation(() => ChampionType, { description: 'Ends a champion role, now or at a given time. The programme team only.' })
  @Authorize(ExpertsAction.NameChampions)
  endChampion(@CurrentViewer() viewer: Viewer, @Args('input') input: EndChampionInput): Promise<ChampionType> {
    return this.service.end(viewer, input);
  }

  @Query(() => ChampionDashboardType, { description: "A champion's communities and their last 30 days: the champion themself, or the programme team." })
  // The rule needs to know whose dashboard it is; the service asserts it with that resource.
  @Authorize(PlatformAction.SignedIn)
  championDashboard(@CurrentViewer() viewer: Viewer, @Args() args: ChampionDashboardArgs): Promise<ChampionDashboardType> {
    return this.service.dashboard(viewer, args.accountId);
  }
}
