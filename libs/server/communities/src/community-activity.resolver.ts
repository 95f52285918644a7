import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, eachEventItsOwnRequest } from '@commons/server-graphql';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { CommunityActivity } from './community-activity';
import { CommunityActivityType } from './dto/community-activity.type';

@Resolver(() => CommunityActivityType)
export class CommunityActivityResolver {
  constructor(
    private readonly communities: CommunityAccessService,
    private readonly activity: CommunityActivity,
  ) {}

  @Subscription(() => CommunityActivityType, {
    description: 'New threads and blog posts of a community while you look at its lists. NOT_FOUND when you may not read the community.',
    resolve: eachEventItsOwnRequest,
  })
  @Authorize(PlatformAction.SignedIn)
  async communityActivity(
    @CurrentViewer() viewer: Viewer,
    @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string,
  ): Promise<AsyncIterator<CommunityActivityType>> {
    // As for its content over HTTP: NOT_FOUND when the community is hidden, FORBIDDEN when only its card is visible.
    await this.communities.require(viewer, communityId, CommunityAction.ReadContent);
    return this.activity.follow(viewer, communityId);
  }
}
