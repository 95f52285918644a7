import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, eachEventItsOwnRequest } from '@commons/server-graphql';
import { ModerationAccess } from '../access/moderation-access';
import { QueueChangeType } from '../dto/queue-change.type';
import { QueueActivity } from './queue-activity';

@Resolver(() => QueueChangeType)
export class QueueActivityResolver {
  constructor(
    private readonly access: ModerationAccess,
    private readonly activity: QueueActivity,
  ) {}

  @Subscription(() => QueueChangeType, {
    name: 'moderationQueue',
    description: 'A community’s review queue while you moderate it: items entering, leaving and escalated. FORBIDDEN unless you moderate the community.',
    resolve: eachEventItsOwnRequest,
  })
  @Authorize(PlatformAction.SignedIn)
  async moderationQueueChanges(
    @CurrentViewer() viewer: Viewer,
    @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string,
  ): Promise<AsyncIterator<QueueChangeType>> {
    await this.access.moderatorOf(viewer, communityId);
    return this.activity.follow(viewer, communityId);
  }
}
