import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { IdeaFunnelInput, SaveListeningTermListInput, TrendingTopicsInput } from './dto/listening.inputs';
import { IdeaFunnelType, ListeningTermListType, TrendingTopicsType } from './dto/listening.types';
import { IDEA_CONVENTION } from './idea-funnel';
import { ListeningAction } from './listening-access';
import { ListeningInsightsService } from './listening-insights.service';
import { TermListsService } from './term-lists.service';
import { TRENDING_RULE } from './trending';

const ACCESS = 'The whole organisation: the steering committee; one community: also its managers. NOT_FOUND for a community you cannot see.';

/** Listening: term lists, trending topics and the ideas funnel. Thin: rules are in the services. */
@Resolver()
export class ListeningResolver {
  constructor(
    private readonly termLists: TermListsService,
    private readonly insights: ListeningInsightsService,
  ) {}

  @Query(() => [ListeningTermListType], { description: 'The term lists share of voice counts: OWN first. The programme team, the steering committee, admins.' })
  @Authorize(ListeningAction.ReadTermLists)
  listeningTermLists(): Promise<ListeningTermListType[]> {
    return this.termLists.list();
  }

  @Mutation(() => ListeningTermListType, {
    description: 'Creates or replaces a term list (programme team and admins). Posts scored from now on are counted with it. CONFLICT when another list has the key.',
  })
  @Authorize(ListeningAction.ManageTermLists)
  saveListeningTermList(@Args('input') input: SaveListeningTermListInput): Promise<ListeningTermListType> {
    return this.termLists.save(input);
  }

  @Mutation(() => ID, { description: 'Deletes a term list (programme team and admins); returns its id.' })
  @Authorize(ListeningAction.ManageTermLists)
  async deleteListeningTermList(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<string> {
    await this.termLists.delete(id);
    return id;
  }

  @Query(() => TrendingTopicsType, { description: `Tags and key phrases trending in the week ending asOf. ${TRENDING_RULE} ${ACCESS}` })
  @Authorize(PlatformAction.SignedIn)
  trendingTopics(@CurrentViewer() viewer: Viewer, @Args('input') input: TrendingTopicsInput): Promise<TrendingTopicsType> {
    return this.insights.trending(viewer, input);
  }

  @Query(() => IdeaFunnelType, {
    description: `The ideas funnel for ideas posted in a range: how many are in each stage now, and the conversion between stages. ${IDEA_CONVENTION} Suppressed when fewer people than the minimum group size posted them. ${ACCESS}`,
  })
  @Authorize(PlatformAction.SignedIn)
  ideaFunnel(@CurrentViewer() viewer: Viewer, @Args('input') input: IdeaFunnelInput): Promise<IdeaFunnelType> {
    return this.insights.ideaFunnel(viewer, input);
  }
}
