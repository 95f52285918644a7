import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, type GraphqlContext } from '@commons/server-graphql';
import { AccountAction, AccountType } from '@commons/server-identity';
import { ExpertConnection } from './dto/expert.type';
import { ExpertiseType } from './dto/expertise.type';
import { FindExpertsArgs, UpdateExpertiseInput } from './dto/experts.inputs';
import { ExpertsAction } from './experts-access';
import { ExpertiseLoader } from './expertise.loader';
import { ExpertiseService } from './expertise.service';

@Resolver(() => AccountType)
export class ExpertiseResolver {
  constructor(
    private readonly service: ExpertiseService,
    private readonly loader: ExpertiseLoader,
  ) {}

  @ResolveField(() => ExpertiseType, { description: 'What the person says they know about; readable by whoever may see the person.' })
  @Authorize(AccountAction.Read)
  expertise(@Parent() account: AccountType, @Context() ctx: GraphqlContext): Promise<ExpertiseType> {
    return this.loader.expertise(ctx).load(account.id);
  }

  @Mutation(() => ExpertiseType, { description: "Replaces the signed-in person's expertise topics and note." })
  @Authorize(ExpertsAction.DeclareExpertise)
  updateExpertise(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateExpertiseInput): Promise<ExpertiseType> {
    return this.service.update(viewer, input);
  }

  @Query(() => ExpertConnection, {
    description: 'People for a topic, best first: declared expertise plus evidence from forum threads with the topic’s tags in communities you may read.',
  })
  @Authorize(ExpertsAction.Find)
  findExperts(@CurrentViewer() viewer: Viewer, @Args() args: FindExpertsArgs) {
    return this.service.find(viewer, args);
  }
}
