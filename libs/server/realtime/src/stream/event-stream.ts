import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventBus, type PublishedEvent } from '../bus/event-bus';

/** Events a slow subscriber may have waiting before it is ended (its client resubscribes and refetches). */
const MAX_WAITING = 100;

interface Watcher {
  types: ReadonlySet<string>;
  push(event: PublishedEvent): void;
}

/**
 * This instance's subscriptions to events about one subject (a thread, a post, an account): the
 * bus delivers each event once, and it is routed here to the watchers of its subject only.
 */
@Injectable()
export class EventStream implements OnModuleInit {
  private readonly logger = new Logger('EventStream');
  private readonly watchers = new Map<string, Set<Watcher>>();

  constructor(private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.bus.listen((event) => {
      if (!event.subjectId) return;
      for (const watcher of this.watchers.get(event.subjectId) ?? []) if (watcher.types.has(event.type)) watcher.push(event);
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
  watch(subjectId: string, types: readonly string[]): AsyncIterableIterator<PublishedEvent> {
    const waiting: PublishedEvent[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    let done = false;
    const watcher: Watcher = {
      types: new Set(types),
      push: (event) => {
        if (waiting.length >= MAX_WAITING) {
          failure ??= new Error('Too many events waiting for this subscription; subscribe again.');
          this.logger.warn({ subjectId }, 'A subscriber fell too far behind and was ended');
        } else {
          waiting.push(event);
        }
        wake?.();
      },
    };
    const set = this.watchers.get(subjectId) ?? new Set<Watcher>();
    set.add(watcher);
    this.watchers.set(subjectId, set);
    const stop = () => {
      done = true;
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(subjectId) === set) this.watchers.delete(subjectId);
      wake?.();
    };
    const iterator: AsyncIterableIterator<PublishedEvent> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        for (;;) {
          if (failure) {
            stop();
            throw failure;
          }
          const event = waiting.shift();
          if (event) return { value: event, done: false };
          if (done) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      },
      return: async () => {
        stop();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        stop();
        throw error;
      },
    };
    return iterator;
  }
}
