import { Injectable } from '@nestjs/common';
import { CommunityAccessService, oncePerStanding, type CommunityAccess } from '@commons/server-communities';
import { ValidationError, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { Audiences, EventHistory, EventStream, type PublishedEvent } from '@commons/server-realtime';
import { ThreadActivityKind, type ThreadActivityType } from './dto/thread-activity.type';
import { ForumAction } from './forum-access';
import { ForumContent } from './forum-content';
import { ForumEvent } from './forum-events';
import { toReplyType } from './forum.mapper';
import { ForumRepository, type ReplyRow } from './forum.repository';

/** The events a thread's readers follow. */
const THREAD_EVENTS = [
  ForumEvent.ReplyCreated,
  ForumEvent.ReplyModerated,
  ForumEvent.ReplyEdited,
  ForumEvent.ReactionChanged,
  ForumEvent.ThreadModerated,
  ForumEvent.ThreadEdited,
  ForumEvent.ThreadStateChanged,
  ForumEvent.AnswerAccepted,
];
/** Nobody: reactions are loaded without anyone's own, then added per reader. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
const NONE: readonly string[] = [];

/**
 * A thread's activity for its readers, fanned out once (see Audiences): each event is loaded
 * once per instance, every reader's access is decided from one statement of community facts, and
 * readers with the same view of it (what they may see and do, their own reactions) share one
 * shaped payload, which the subscription server executes once (see shareExecution). Every event
 * is authorized for every reader when it is delivered: someone who left the community, was
 * banned, or may not see a held reply gets nothing for it.
 */
@Injectable()
export class ThreadActivity {
  private readonly audiences: Audiences<ThreadActivityType>;

  constructor(
    stream: EventStream,
    history: EventHistory,
    private readonly repository: ForumRepository,
    private readonly content: ForumContent,
    private readonly communities: CommunityAccessService,
  ) {
    this.audiences = new Audiences('ThreadActivity', stream, {
      watch: (events, threadId) => events.watch(threadId, THREAD_EVENTS),
      shape: (threadId, event, viewers) => this.shape(threadId, event, viewers),
      history: {
        source: history,
        types: THREAD_EVENTS,
        refetch: (threadId, seq) => shareExecution({ seq, kind: ThreadActivityKind.REFETCH, threadId, reply: null }),
      },
    });
  }

  /** Readers on this instance (for tests and /metrics). */
  get readers(): number {
    return this.audiences.size;
  }

  /**
   * The reader's activity from now on; with `since` (the last sequence they saw), first what
   * they missed, or REFETCH when that is no longer kept. The caller has checked they may read
   * the thread now.
   */
  follow(viewer: Viewer, threadId: string, since: number | null): AsyncIterableIterator<ThreadActivityType> {
    if (since !== null && (!Number.isSafeInteger(since) || since < 0)) throw ValidationError.field('since', 'Give the sequence of the last activity you received.');
    return this.audiences.follow(viewer, threadId, since);
  }

  /** What the event is for each reader who may see it: one payload per class of readers. */
  private async shape(threadId: string, event: PublishedEvent, viewers: readonly Viewer[]): Promise<Array<ThreadActivityType | undefined>> {
    const thread = await this.repository.threadFacts(threadId);
    if (!thread) return [];
    const replyId = replyOf(event, threadId);
    const reply = replyId ? await this.repository.reply(NOBODY, replyId) : null;
    if (replyId && !reply) return [];
    const accountIds = viewers.map((v) => v.accountId);
    const facts = await this.communities.factsOfAccounts(thread.communityId, accountIds);
    const reactions = reply && reply.reactions.length > 0 ? await this.repository.reactionsBy(reply.id, accountIds) : null;
    const classes = new Map<string, ThreadActivityType>();
    const payloadFor = (viewer: Viewer, access: CommunityAccess, key: string, mine: readonly string[]): ThreadActivityType => {
      let activity = classes.get(key);
      if (!activity) {
        activity = shareExecution({
          seq: event.seq,
          kind: kindOf(event, reply !== null),
          threadId,
          reply: reply ? toReplyType({ ...reply, reactions: reply.reactions.map((r) => ({ ...r, mine: mine.includes(r.kind) })) }, access) : null,
        });
        classes.set(key, activity);
      }
      return activity;
    };
    // What a reader may see and do here, and so their class (but for their own reactions).
    const decide = (viewer: Viewer, access: CommunityAccess): string | null => {
      // The thread first: a reply of a thread held from this reader is held from them too.
      if (!this.content.sees(viewer, access, thread.authorId, thread.moderationState)) return null;
      if (reply && !this.content.sees(viewer, access, reply.authorId, reply.moderationState)) return null;
      return reply ? this.classOf(viewer, access, reply) : 'thread';
    };
    // Readers who wrote neither the thread nor the reply are decided once per standing: thousands of readers, a few decisions.
    const decideFor = oncePerStanding(decide, (viewer) => viewer.accountId === thread.authorId || viewer.accountId === reply?.authorId);
    return viewers.map((viewer) => {
      const access = facts.get(viewer.accountId);
      if (!access) return undefined;
      const decision = decideFor(viewer, access);
      if (decision === null) return undefined;
      const mine = reactions?.get(viewer.accountId) ?? NONE;
      return payloadFor(viewer, access, mine.length > 0 ? `${decision}|${mine.join(',')}` : decision, mine);
    });
  }

  /** Everything about a reply that differs between readers who may see it (but their own reactions): what they may do with it. */
  private classOf(viewer: Viewer, access: CommunityAccess, reply: ReplyRow): string {
    const can = (action: string) => (this.content.can(viewer, action, access, reply.authorId) ? 1 : 0);
    return `${can(ForumAction.Moderate)}${can(ForumAction.Edit)}${can(ForumAction.Delete)}`;
  }
}

/** A reply appearing for its readers (posted, or approved after review) is added; anything else about it changed. */
function kindOf(event: PublishedEvent, aboutReply: boolean): ThreadActivityKind {
  if (!aboutReply) return ThreadActivityKind.THREAD_CHANGED;
  const appeared = event.type === ForumEvent.ReplyCreated || (event.type === ForumEvent.ReplyModerated && event.payload['state'] === 'VISIBLE');
  return appeared ? ThreadActivityKind.REPLY_ADDED : ThreadActivityKind.REPLY_CHANGED;
}

/** The reply an event is about, or null when it is about the thread itself. */
function replyOf(event: PublishedEvent, threadId: string): string | null {
  if (event.type === ForumEvent.ReactionChanged) {
    const target = String(event.payload['targetId']);
    return target === threadId ? null : target;
  }
  const replyId = event.payload['replyId'];
  return event.type.startsWith('forum.reply.') && typeof replyId === 'string' ? replyId : null;
}
