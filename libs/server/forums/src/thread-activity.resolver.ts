import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Float, ID, Resolver, Subscription } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, eachEventItsOwnRequest } from '@commons/server-graphql';
import { ThreadActivityType } from './dto/thread-activity.type';
import { ThreadActivity } from './thread-activity';
import { ThreadsService } from './threads.service';

@Resolver(() => ThreadActivityType)
export class ThreadActivityResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly activity: ThreadActivity,
  ) {}

  @Subscription(() => ThreadActivityType, {
    description: 'New and changed replies of a thread while you read it. NOT_FOUND when you may not read the thread.',
    resolve: eachEventItsOwnRequest,
  })
  @Authorize(PlatformAction.SignedIn)
  async threadActivity(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }, ParseUUIDPipe) threadId: string,
    @Args('since', {
      type: () => Float,
      nullable: true,
      description: 'The last sequence you saw: what you missed since is sent first (or REFETCH when it is no longer kept).',
    })
    since: number | null,
  ): Promise<AsyncIterator<ThreadActivityType>> {
    await this.threads.get(viewer, threadId);
    return this.activity.follow(viewer, threadId, since ?? null);
  }
}
