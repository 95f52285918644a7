import { Injectable } from '@nestjs/common';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { AuthorizationService, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { Audiences, EventStream, type PublishedEvent } from '@commons/server-realtime';
import { QueueChange, type QueueChangeType } from '../dto/queue-change.type';

const CHANGES: Record<string, QueueChange> = {
  'moderation.queue.entered': QueueChange.ENTERED,
  'moderation.queue.left': QueueChange.LEFT,
  'moderation.queue.escalated': QueueChange.ESCALATED,
};

/**
 * A community's review queue, live, for its moderators: items entering, leaving (approved,
 * rejected, dismissed) and escalated, fanned out once (see Audiences). Whether each subscriber
 * still moderates the community is decided from one statement per event: a moderator whose
 * role was taken away stops hearing of the queue at once.
 */
@Injectable()
export class QueueActivity {
  private readonly audiences: Audiences<QueueChangeType>;

  constructor(
    stream: EventStream,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {
    this.audiences = new Audiences('QueueActivity', stream, {
      watch: (events, communityId) => events.watchCommunity(communityId, Object.keys(CHANGES)),
      shape: (communityId, event, viewers) => this.shape(communityId, event, viewers),
    });
  }

  get size(): number {
    return this.audiences.size;
  }

  /** The queue's changes from now on; the caller has checked the viewer moderates the community. */
  follow(viewer: Viewer, communityId: string): AsyncIterableIterator<QueueChangeType> {
    return this.audiences.follow(viewer, communityId);
  }

  private async shape(communityId: string, event: PublishedEvent, viewers: readonly Viewer[]): Promise<Array<QueueChangeType | undefined>> {
    const facts = await this.communities.factsOfAccounts(communityId, viewers.map((v) => v.accountId));
    const change = shareExecution<QueueChangeType>({
      seq: event.seq,
      change: CHANGES[event.type],
      communityId,
      itemId: String(event.payload['itemId']),
      contentId: event.subjectId,
      status: typeof event.payload['status'] === 'string' ? (event.payload['status'] as QueueChangeType['status']) : null,
    });
    return viewers.map((viewer) => {
      const access = facts.get(viewer.accountId);
      return access && this.authorization.can(viewer, CommunityAction.Moderate, { access }) ? change : undefined;
    });
  }
}
