import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer, eachEventItsOwnRequest } from '@commons/server-graphql';
import { ThreadPresenceType } from './dto/thread-presence.type';
import { ThreadPresence } from './thread-presence';
import { ThreadsService } from './threads.service';

@Resolver(() => ThreadPresenceType)
export class ThreadPresenceResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly threadPresence: ThreadPresence,
  ) {}

  @Subscription(() => ThreadPresenceType, {
    description: 'How many people read a thread and who is writing a reply, now and whenever it changes (at most once a second); you count as a reader while subscribed. NOT_FOUND when you may not read the thread.',
    resolve: eachEventItsOwnRequest,
  })
  @Authorize(PlatformAction.SignedIn)
  async presence(@CurrentViewer() viewer: Viewer, @Args('threadId', { type: () => ID }, ParseUUIDPipe) threadId: string): Promise<AsyncIterator<ThreadPresenceType>> {
    await this.threads.get(viewer, threadId);
    return this.threadPresence.follow(viewer, threadId);
  }

  @Mutation(() => Boolean, {
    description:
      'Tells the thread\'s readers you are writing a reply (typing: true, shown for 6 seconds: repeat it every few seconds while you type) or that you stopped. Returns whether you are shown as typing. Refused when you may not reply there.',
  })
  @Authorize(PlatformAction.SignedIn)
  reportTyping(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }, ParseUUIDPipe) threadId: string,
    @Args('typing', { type: () => Boolean, defaultValue: true }) typing: boolean,
  ): Promise<boolean> {
    return this.threadPresence.reportTyping(viewer, threadId, typing);
  }
}
