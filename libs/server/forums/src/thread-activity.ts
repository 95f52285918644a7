import { Injectable, Logger } from '@nestjs/common';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { ValidationError, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { EventHistory, EventStream, Mailbox, type PublishedEvent } from '@commons/server-realtime';
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
/** Activities one reader may have waiting before it is ended (its client resubscribes with `since`). */
const MAX_WAITING = 100;
/** Missed events replayed on resubscription; more than this and the client refetches the thread instead. */
const MAX_REPLAYED = 200;
/** Nobody: reactions are loaded without anyone's own, then added per reader. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

interface Reader {
  viewer: Viewer;
  mailbox: Mailbox<ThreadActivityType>;
  /** While the reader catches up after `since`, live events wait here. */
  held: PublishedEvent[] | null;
  /** Sequences replayed to the reader, so the same event arriving live is not sent twice. */
  replayed: Set<number>;
}

/** A thread's readers on this instance, and the one event stream that feeds them all. */
interface Audience {
  readers: Set<Reader>;
  events: AsyncIterableIterator<PublishedEvent>;
}

/**
 * A thread's activity for its readers. Fan-out once: each event is loaded once per instance,
 * every reader's access is decided from one statement of community facts, and readers with the
 * same view of it (what they may see and do, their own reactions) share one shaped payload, which
 * the subscription server executes once (see shareExecution). Every event is authorized for every
 * reader when it is delivered: someone who left the community, was banned, or may not see a held
 * reply gets nothing for it.
 */
@Injectable()
export class ThreadActivity {
  private readonly logger = new Logger('ThreadActivity');
  private readonly audiences = new Map<string, Audience>();

  constructor(
    private readonly stream: EventStream,
    private readonly history: EventHistory,
    private readonly repository: ForumRepository,
    private readonly content: ForumContent,
    private readonly communities: CommunityAccessService,
  ) {}

  /** Readers on this instance (for tests and /metrics). */
  get readers(): number {
    let readers = 0;
    for (const audience of this.audiences.values()) readers += audience.readers.size;
    return readers;
  }

  /**
   * The reader's activity from now on; with `since` (the last sequence they saw), first what
   * they missed, or REFETCH when that is no longer kept. The caller has checked they may read
   * the thread now.
   */
  follow(viewer: Viewer, threadId: string, since: number | null): AsyncIterableIterator<ThreadActivityType> {
    if (since !== null && (!Number.isSafeInteger(since) || since < 0)) throw ValidationError.field('since', 'Give the sequence of the last activity you received.');
    const audience = this.audienceOf(threadId);
    const reader: Reader = {
      viewer,
      held: since === null ? null : [],
      replayed: new Set(),
      mailbox: new Mailbox(MAX_WAITING, () => this.leave(threadId, audience, reader)),
    };
    audience.readers.add(reader);
    if (since !== null) {
      this.catchUp(threadId, reader, since).catch((error: unknown) => {
        this.logger.error({ err: error, threadId }, 'Sending missed thread activity failed');
        reader.mailbox.fail(new Error('Catching up failed; subscribe again.'));
      });
    }
    return reader.mailbox;
  }

  private audienceOf(threadId: string): Audience {
    const existing = this.audiences.get(threadId);
    if (existing) return existing;
    const audience: Audience = { readers: new Set(), events: this.stream.watch(threadId, THREAD_EVENTS) };
    this.audiences.set(threadId, audience);
    void this.pump(threadId, audience);
    return audience;
  }

  private leave(threadId: string, audience: Audience, reader: Reader): void {
    audience.readers.delete(reader);
    if (audience.readers.size > 0) return;
    if (this.audiences.get(threadId) === audience) this.audiences.delete(threadId);
    void audience.events.return?.();
  }

  /** Delivers the thread's events one at a time, in order, to the readers present when each arrives. */
  private async pump(threadId: string, audience: Audience): Promise<void> {
    try {
      for (;;) {
        const next = await audience.events.next();
        if (next.done) return;
        await this.deliver(threadId, next.value, [...audience.readers]).catch((error: unknown) =>
          this.logger.error({ err: error, threadId, seq: next.value.seq }, 'Delivering thread activity failed'),
        );
      }
    } catch (error) {
      // This instance fell too far behind the thread: every reader resubscribes and catches up.
      for (const reader of audience.readers) reader.mailbox.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (this.audiences.get(threadId) === audience) this.audiences.delete(threadId);
    }
  }

  private async deliver(threadId: string, event: PublishedEvent, readers: readonly Reader[]): Promise<void> {
    const live: Reader[] = [];
    for (const reader of readers) {
      if (reader.held) reader.held.push(event);
      else if (!reader.replayed.has(event.seq)) live.push(reader);
    }
    if (live.length === 0) return;
    for (const [reader, activity] of await this.shape(threadId, event, live)) reader.mailbox.push(activity);
  }

  /** Sends what the reader missed since `since`, then what arrived meanwhile, then lets live events through. */
  private async catchUp(threadId: string, reader: Reader, since: number): Promise<void> {
    const missed = await this.history.after(threadId, THREAD_EVENTS, since, MAX_REPLAYED);
    if (!missed.complete) {
      reader.mailbox.push(shareExecution({ seq: missed.latestSeq, kind: ThreadActivityKind.REFETCH, threadId, reply: null }));
    } else {
      for (const event of missed.events) {
        reader.replayed.add(event.seq);
        for (const [, activity] of await this.shape(threadId, event, [reader])) reader.mailbox.push(activity);
      }
    }
    const held = reader.held ?? [];
    while (held.length > 0) {
      const event = held.shift() as PublishedEvent;
      if (reader.replayed.has(event.seq)) continue;
      if (!missed.complete && event.seq <= missed.latestSeq) continue;
      for (const [, activity] of await this.shape(threadId, event, [reader])) reader.mailbox.push(activity);
    }
    reader.held = null;
  }

  /** What the event is for each reader who may see it: one payload per class of readers. */
  private async shape(threadId: string, event: PublishedEvent, readers: readonly Reader[]): Promise<Map<Reader, ThreadActivityType>> {
    const shaped = new Map<Reader, ThreadActivityType>();
    const thread = await this.repository.threadFacts(threadId);
    if (!thread) return shaped;
    const replyId = replyOf(event, threadId);
    const reply = replyId ? await this.repository.reply(NOBODY, replyId) : null;
    if (replyId && !reply) return shaped;
    const facts = await this.communities.factsOfAccounts(thread.communityId, readers.map((r) => r.viewer.accountId));
    const reactions = reply && reply.reactions.length > 0 ? await this.repository.reactionsBy(reply.id, readers.map((r) => r.viewer.accountId)) : null;
    const classes = new Map<string, ThreadActivityType>();
    for (const reader of readers) {
      const { viewer } = reader;
      const access = facts.get(viewer.accountId);
      // The thread first: a reply of a thread held from this reader is held from them too.
      if (!access || !this.content.sees(viewer, access, thread.authorId, thread.moderationState)) continue;
      if (reply && !this.content.sees(viewer, access, reply.authorId, reply.moderationState)) continue;
      const mine = reactions?.get(viewer.accountId) ?? [];
      const key = reply ? this.classOf(viewer, access, reply, mine) : 'thread';
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
      shaped.set(reader, activity);
    }
    return shaped;
  }

  /** Everything about a reply that differs between readers who may see it: what they may do with it, and their own reactions. */
  private classOf(viewer: Viewer, access: CommunityAccess, reply: ReplyRow, mine: readonly string[]): string {
    const can = (action: string) => (this.content.can(viewer, action, access, reply.authorId) ? 1 : 0);
    return `${can(ForumAction.Moderate)}${can(ForumAction.Edit)}${can(ForumAction.Delete)}|${mine.join(',')}`;
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
