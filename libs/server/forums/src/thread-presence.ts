import { Injectable, Logger } from '@nestjs/common';
import { CommunityAccessService } from '@commons/server-communities';
import { NotFoundError, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { Mailbox, PresenceBoard, type PresenceView } from '@commons/server-realtime';
import type { ThreadPresenceType } from './dto/thread-presence.type';
import { ForumContent } from './forum-content';
import { ForumRepository } from './forum.repository';
import { ThreadsService } from './threads.service';

/** Presence updates one reader may have waiting before it is ended (its client subscribes again). */
const MAX_WAITING = 16;
/** One person's typing reports for one thread are checked at most this often; the rest within it are answered at once. */
const TYPING_CHECK_MS = 2_000;

interface Reader {
  viewer: Viewer;
  mailbox: Mailbox<ThreadPresenceType>;
  /** Stops counting them on the board. */
  leave: () => void;
}

interface Room {
  readers: Set<Reader>;
  /** Readers who have had no value yet: they get the current view at once, not at the next change. */
  newcomers: Set<Reader>;
  /** The latest change not yet delivered (older ones are superseded). */
  latest: PresenceView | null;
  delivering: boolean;
  unwatch: () => void;
}

/**
 * Who is reading a thread and who is writing a reply, for its readers (the PresenceBoard keeps
 * it across instances). Like the thread's activity, every update is authorized for every reader
 * when it is delivered, from the community facts kept for its readers, and shared by them all:
 * one payload, executed once. A reader who may no longer read the thread is ended (NOT_FOUND).
 */
@Injectable()
export class ThreadPresence {
  private readonly logger = new Logger('ThreadPresence');
  private readonly rooms = new Map<string, Room>();
  /** `account|thread` → when a typing report was last checked. */
  private readonly typingChecked = new Map<string, number>();

  constructor(
    private readonly board: PresenceBoard,
    private readonly threads: ThreadsService,
    private readonly repository: ForumRepository,
    private readonly content: ForumContent,
    private readonly communities: CommunityAccessService,
  ) {}

  /** The thread's presence from now on, the reader counted while they follow it. The caller has checked they may read it. */
  follow(viewer: Viewer, threadId: string): AsyncIterableIterator<ThreadPresenceType> {
    const room = this.roomOf(threadId);
    const reader: Reader = {
      viewer,
      leave: () => undefined,
      mailbox: new Mailbox(MAX_WAITING, () => this.left(threadId, room, reader)),
    };
    room.readers.add(reader);
    room.newcomers.add(reader);
    reader.leave = this.board.join(boardKey(threadId), viewer.accountId);
    this.deliverSoon(threadId, room);
    return reader.mailbox;
  }

  /**
   * The viewer is writing a reply (shown for a few seconds unless repeated), or has stopped.
   * Only someone who may reply there now is shown; stopping needs no check (it reveals nothing).
   */
  async reportTyping(viewer: Viewer, threadId: string, typing: boolean): Promise<boolean> {
    const key = `${viewer.accountId}|${threadId}`;
    if (!typing) {
      this.typingChecked.delete(key);
      this.board.setTyping(boardKey(threadId), viewer.accountId, false);
      return false;
    }
    const now = Date.now();
    const checked = this.typingChecked.get(key);
    if (checked !== undefined && now - checked < TYPING_CHECK_MS) return true;
    await this.threads.replyable(viewer, threadId);
    this.forgetOldTypingChecks(now);
    this.typingChecked.set(key, now);
    this.board.setTyping(boardKey(threadId), viewer.accountId, true);
    return true;
  }

  private roomOf(threadId: string): Room {
    const existing = this.rooms.get(threadId);
    if (existing) return existing;
    const room: Room = { readers: new Set(), newcomers: new Set(), latest: null, delivering: false, unwatch: () => undefined };
    this.rooms.set(threadId, room);
    room.unwatch = this.board.watch(boardKey(threadId), (view) => {
      room.latest = view;
      this.deliverSoon(threadId, room);
    });
    return room;
  }

  private left(threadId: string, room: Room, reader: Reader): void {
    reader.leave();
    room.readers.delete(reader);
    room.newcomers.delete(reader);
    if (room.readers.size > 0) return;
    room.unwatch();
    if (this.rooms.get(threadId) === room) this.rooms.delete(threadId);
  }

  /** Delivers one update at a time per thread, in order: the latest change to everyone, else the current view to newcomers. */
  private deliverSoon(threadId: string, room: Room): void {
    if (room.delivering) return;
    room.delivering = true;
    void (async () => {
      try {
        while (room.readers.size > 0) {
          let view: PresenceView;
          let readers: Reader[];
          if (room.latest) {
            view = room.latest;
            readers = [...room.readers];
          } else if (room.newcomers.size > 0) {
            view = this.board.viewOf(boardKey(threadId));
            readers = [...room.newcomers];
          } else break;
          room.latest = null;
          room.newcomers.clear();
          await this.send(threadId, view, readers).catch((error: unknown) => this.logger.error({ err: error, threadId }, 'Delivering presence failed'));
        }
      } finally {
        room.delivering = false;
      }
    })();
  }

  private async send(threadId: string, view: PresenceView, readers: readonly Reader[]): Promise<void> {
    const thread = await this.repository.threadFacts(threadId);
    const facts = thread ? await this.communities.factsOfAccounts(thread.communityId, readers.map((r) => r.viewer.accountId)) : null;
    const allowed = readers.filter((reader) => {
      const access = facts?.get(reader.viewer.accountId);
      if (thread && access && this.content.sees(reader.viewer, access, thread.authorId, thread.moderationState)) return true;
      reader.mailbox.fail(new NotFoundError('The thread'));
      return false;
    });
    if (allowed.length === 0) return;
    const presence = shareExecution<ThreadPresenceType>({ threadId, readers: view.readers, typing: await this.repository.authors(view.typing) });
    // As for thread activity: the shared result is made ready once, then written to each reader.
    const preparing = new Set<Promise<unknown>>();
    for (const reader of allowed) {
      const ready = reader.mailbox.prepare(presence);
      if (ready) preparing.add(ready);
    }
    if (preparing.size > 0) await Promise.allSettled(preparing);
    for (const reader of allowed) reader.mailbox.deliver(presence);
  }

  private forgetOldTypingChecks(now: number): void {
    if (this.typingChecked.size < 1_000) return;
    for (const [key, at] of this.typingChecked) if (now - at >= TYPING_CHECK_MS) this.typingChecked.delete(key);
  }
}

function boardKey(threadId: string): string {
  return `thread:${threadId}`;
}
