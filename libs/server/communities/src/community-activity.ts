import { Injectable } from '@nestjs/common';
import { AuthorizationService, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { Audiences, EventStream, type PublishedEvent } from '@commons/server-realtime';
import { CommunityAction } from './community-access';
import { CommunityAccessService } from './community-access.service';
import { CommunityActivityKind, type CommunityActivityType } from './dto/community-activity.type';

/**
 * The content events that make something new appear in a community's lists: posted visible, or
 * approved (moderated to VISIBLE). Named here as strings because the content domains build on
 * this one, not the other way round.
 */
const APPEARING: Record<string, CommunityActivityKind> = {
  'forum.thread.created': CommunityActivityKind.THREAD_ADDED,
  'forum.thread.moderated': CommunityActivityKind.THREAD_ADDED,
  'blog.post.published': CommunityActivityKind.BLOG_POST_ADDED,
  'blog.post.moderated': CommunityActivityKind.BLOG_POST_ADDED,
};

/**
 * New threads and blog posts of a community for the people looking at its lists, fanned out once
 * (see Audiences): everyone's access comes from one statement per event, and everyone who may
 * read the community gets the same payload. Only what appeared for all readers is sent: a post
 * held for review, or scheduled for later, appears when it is approved or published.
 */
@Injectable()
export class CommunityActivity {
  private readonly audiences: Audiences<CommunityActivityType>;

  constructor(
    stream: EventStream,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {
    this.audiences = new Audiences('CommunityActivity', stream, {
      watch: (events, communityId) => events.watchCommunity(communityId, Object.keys(APPEARING)),
      shape: (communityId, event, viewers) => this.shape(communityId, event, viewers),
    });
  }

  get size(): number {
    return this.audiences.size;
  }

  /** The viewer's community activity from now on; the caller has checked they may read the community. */
  follow(viewer: Viewer, communityId: string): AsyncIterableIterator<CommunityActivityType> {
    return this.audiences.follow(viewer, communityId);
  }

  private async shape(communityId: string, event: PublishedEvent, viewers: readonly Viewer[]): Promise<Array<CommunityActivityType | undefined>> {
    if (event.payload['state'] !== 'VISIBLE' || !event.subjectId) return [];
    const publishedAt = event.payload['publishedAt'];
    if (typeof publishedAt === 'string' && Date.parse(publishedAt) > Date.parse(event.occurredAt)) return [];
    const facts = await this.communities.factsOfAccounts(communityId, viewers.map((v) => v.accountId));
    const activity = shareExecution<CommunityActivityType>({
      seq: event.seq,
      kind: APPEARING[event.type],
      communityId,
      contentId: event.subjectId,
      categoryId: typeof event.payload['categoryId'] === 'string' ? event.payload['categoryId'] : null,
    });
    return viewers.map((viewer) => {
      const access = facts.get(viewer.accountId);
      return access && this.authorization.can(viewer, CommunityAction.ReadContent, { access }) ? activity : undefined;
    });
  }
}
