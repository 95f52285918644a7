import { Injectable } from '@nestjs/common';
import { NotFoundError, type Viewer } from '@commons/server-core';
import { EventStream, type PublishedEvent } from '@commons/server-realtime';
import { ThreadActivityKind, type ThreadActivityType } from './dto/thread-activity.type';
import { ForumEvent } from './forum-events';
import { toReplyType } from './forum.mapper';
import { ThreadsService } from './threads.service';

/** The events a thread's readers follow, and what each becomes for them. */
const KINDS: Record<string, ThreadActivityKind> = {
  [ForumEvent.ReplyCreated]: ThreadActivityKind.REPLY_ADDED,
  [ForumEvent.ReplyModerated]: ThreadActivityKind.REPLY_CHANGED,
  [ForumEvent.ThreadModerated]: ThreadActivityKind.THREAD_CHANGED,
};

/**
 * A thread's activity for one subscriber. Every event is authorized for that subscriber when it
 * is delivered, not only when they subscribed: someone who left the community, was banned, or
 * may not see a held reply gets nothing for it.
 */
@Injectable()
export class ThreadActivity {
  constructor(
    private readonly stream: EventStream,
    private readonly threads: ThreadsService,
  ) {}

  /**
   * The subscriber's activity, event by event. A plain iterator, not an async generator: a
   * generator waiting for the next event cannot be ended until one comes, so an unsubscribed
   * client would stay registered on a quiet thread.
   */
  follow(viewer: Viewer, threadId: string): AsyncIterableIterator<ThreadActivityType> {
    const events = this.stream.watch(threadId, Object.keys(KINDS));
    const iterator: AsyncIterableIterator<ThreadActivityType> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        for (;;) {
          const event = await events.next();
          if (event.done) return { value: undefined, done: true };
          const activity = await this.forViewer(viewer, threadId, event.value);
          if (activity) return { value: activity, done: false };
        }
      },
      return: async () => {
        await events.return?.();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        await events.return?.();
        throw error;
      },
    };
    return iterator;
  }

  private async forViewer(viewer: Viewer, threadId: string, event: PublishedEvent): Promise<ThreadActivityType | null> {
    const kind = KINDS[event.type];
    try {
      if (kind === ThreadActivityKind.THREAD_CHANGED) {
        await this.threads.get(viewer, threadId);
        return { seq: event.seq, kind, threadId, reply: null };
      }
      const { reply, access } = await this.threads.getReply(viewer, String(event.payload['replyId']));
      return { seq: event.seq, kind, threadId, reply: toReplyType(reply, access) };
    } catch (error) {
      // Not for this reader (any more): nothing is sent, and nothing says it happened.
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
