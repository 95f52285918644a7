import { Injectable, Logger } from '@nestjs/common';
import { CommunityAccessService, oncePerStanding } from '@commons/server-communities';
import { NotFoundError, type Viewer } from '@commons/server-core';
import { shareExecution } from '@commons/server-graphql';
import { Mailbox, PresenceBoard, viewKey, type PresenceView } from '@commons/server-realtime';
import type { ThreadPresenceType } from './dto/thread-presence.type';
import { ForumContent } from './forum-content';
import { ForumRepository } from './forum.repository';
import { ThreadsService } from './threads.service';

/** Presence updates one reader may have waiting before it is ended (its client subscribes again). */
const MAX_WAITING = 16;
/**
 * One person's right to reply, checked for their typing reports at most this often per thread
 * (the reply box reports every 3 s while they type): someone who lost it meanwhile shows as
 * typing for this long at most, and their reply is refused as ever.
 */
const TYPING_CHECK_MS = 15_000;

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
  /** The last payload made, for newcomers while the view is the same. */
  last: { text: string; presence: ThreadPresenceType } | null;
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

  /** Threads with readers on this instance (tests). */
  get followedThreads(): number {
    return this.rooms.size;
  }

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
    if (checked === undefined || now - checked >= TYPING_CHECK_MS) {
      await this.threads.replyable(viewer, threadId);
      this.forgetOldTypingChecks(now);
      this.typingChecked.set(key, now);
    }
    this.board.setTyping(boardKey(threadId), viewer.accountId, true);
    return true;
  }

  private roomOf(threadId: string): Room {
    const existing = this.rooms.get(threadId);
    if (existing) return existing;
    const room: Room = { readers: new Set(), newcomers: new Set(), latest: null, last: null, delivering: false, unwatch: () => undefined };
    this.rooms.set(threadId, room);
    room.unwatch = this.board.watch(boardKey(threadId), (view) => {
      room.latest = view;
      this.deliverSoon(threadId, room);
    });
    return room;
  }

  private left(threadId: string, room: Room, reader: Reader): void {
    room.readers.delete(reader);
    room.newcomers.delete(reader);
    if (room.readers.size === 0) {
      room.unwatch();
      if (this.rooms.get(threadId) === room) this.rooms.delete(threadId);
    }
    reader.leave();
  }

  /**
   * Delivers one update at a time per thread, in order: the latest change to every reader, each
   * authorized again; else the current view to newcomers, whom subscribing just authorized.
   */
  private deliverSoon(threadId: string, room: Room): void {
    if (room.delivering) return;
    room.delivering = true;
    void (async () => {
      try {
        while (room.readers.size > 0) {
          if (room.latest) {
            const view = room.latest;
            room.latest = null;
            room.newcomers.clear();
            await this.sendChange(threadId, room, view).catch((error: unknown) => this.logger.error({ err: error, threadId }, 'Delivering presence failed'));
          } else if (room.newcomers.size > 0) {
            const newcomers = [...room.newcomers];
            room.newcomers.clear();
            await this.welcome(threadId, room, newcomers).catch((error: unknown) => {
              this.logger.error({ err: error, threadId }, 'Delivering presence failed');
              // Without a first value they would wait for the next change: their clients subscribe again.
              for (const reader of newcomers) reader.mailbox.fail(new Error('Presence could not be delivered; subscribe again.'));
            });
          } else break;
        }
      } finally {
        room.delivering = false;
      }
    })();
  }

  /** A change, to every reader who may still read the thread; one who may not is ended (and so no longer counted). */
  private async sendChange(threadId: string, room: Room, view: PresenceView): Promise<void> {
    const readers = [...room.readers];
    const thread = await this.repository.threadFacts(threadId);
    const facts = thread ? await this.communities.factsOfAccounts(thread.communityId, readers.map((r) => r.viewer.accountId)) : null;
    // Decided once per standing, as for the thread's activity; its author alone.
    const sees = thread ? oncePerStanding((viewer, access) => this.content.sees(viewer, access, thread.authorId, thread.moderationState), (viewer) => viewer.accountId === thread.authorId) : null;
    const allowed = readers.filter((reader) => {
      const access = facts?.get(reader.viewer.accountId);
      if (sees && access && sees(reader.viewer, access)) return true;
      reader.mailbox.fail(new NotFoundError('The thread'));
      return false;
    });
    if (allowed.length > 0) await deliverShared(allowed, await this.payload(threadId, room, view));
  }

  private async welcome(threadId: string, room: Room, newcomers: readonly Reader[]): Promise<void> {
    await deliverShared(newcomers, await this.payload(threadId, room, this.board.viewOf(boardKey(threadId))));
  }

  /** The view as readers get it, shared by them all; made again only when it changed. */
  private async payload(threadId: string, room: Room, view: PresenceView): Promise<ThreadPresenceType> {
    const text = viewKey(view);
    if (room.last?.text === text) return room.last.presence;
    const presence = shareExecution<ThreadPresenceType>({ threadId, readers: view.readers, typing: await this.repository.authors(view.typing) });
    room.last = { text, presence };
    return presence;
  }

  private forgetOldTypingChecks(now: number): void {
    if (this.typingChecked.size < 1_000) return;
    for (const [key, at] of this.typingChecked) if (now - at >= TYPING_CHECK_MS) this.typingChecked.delete(key);
  }
}

/** One shared value to several readers: made ready once by their direct consumers (executed, serialized), then written to each. */
async function deliverShared(readers: readonly Reader[], presence: ThreadPresenceType): Promise<void> {
  const preparing = new Set<Promise<unknown>>();
  for (const reader of readers) {
    const ready = reader.mailbox.prepare(presence);
    if (ready) preparing.add(ready);
  }
  if (preparing.size > 0) await Promise.allSettled(preparing);
  for (const reader of readers) reader.mailbox.deliver(presence);
}

function boardKey(threadId: string): string {
  return `thread:${threadId}`;
}
