import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventBus, type PublishedEvent } from '../bus/event-bus';
import { Mailbox } from './mailbox';

/** Events a slow subscriber may have waiting before it is ended (its client resubscribes and refetches). */
const MAX_WAITING = 100;

interface Watcher {
  types: ReadonlySet<string>;
  push(event: PublishedEvent): void;
}

/**
 * This instance's subscriptions to events about one subject (a thread, a post, an account) or
 * one community: the bus delivers each event once, and it is routed here to the watchers of
 * its subject and of its community only.
 */
@Injectable()
export class EventStream implements OnModuleInit {
  private readonly logger = new Logger('EventStream');
  private readonly watchers = new Map<string, Set<Watcher>>();

  constructor(private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.bus.listen((event) => {
      if (event.subjectId) this.route(event.subjectId, event);
      if (event.communityId) this.route(communityKey(event.communityId), event);
    });
  }

  /** Subjects watched on this instance, and watchers in all (for /metrics and tests). */
  get size(): { subjects: number; watchers: number } {
    let watchers = 0;
    for (const set of this.watchers.values()) watchers += set.size;
    return { subjects: this.watchers.size, watchers };
  }

  /**
   * The events of `types` about `subjectId` published from now on, in order. Ends (throws) when
   * the consumer falls more than MAX_WAITING events behind; ending the iteration unsubscribes.
   */
  watch(subjectId: string, types: readonly string[]): Mailbox<PublishedEvent> {
    return this.add(subjectId, types);
  }

  /** The events of `types` in one community, as `watch` does for a subject. */
  watchCommunity(communityId: string, types: readonly string[]): Mailbox<PublishedEvent> {
    return this.add(communityKey(communityId), types);
  }

  private route(key: string, event: PublishedEvent): void {
    for (const watcher of this.watchers.get(key) ?? []) if (watcher.types.has(event.type)) watcher.push(event);
  }

  private add(key: string, types: readonly string[]): Mailbox<PublishedEvent> {
    const set = this.watchers.get(key) ?? new Set<Watcher>();
    const watcher: Watcher = { types: new Set(types), push: (event) => mailbox.push(event) };
    const mailbox = new Mailbox<PublishedEvent>(MAX_WAITING, (reason) => {
      if (reason === 'overflowed') this.logger.warn({ key }, 'A subscriber fell too far behind and was ended');
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    });
    set.add(watcher);
    this.watchers.set(key, set);
    return mailbox;
  }
}

/** Subjects are uuids; a community's watchers are kept apart from those of a subject with the same id. */
function communityKey(communityId: string): string {
  return `community:${communityId}`;
}
