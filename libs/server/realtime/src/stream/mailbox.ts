/**
 * A consumer that can take a value at once, skipping the queue and the wake-up of its reader:
 * graphql-ws subscriptions whose results are shared by a class of readers (see
 * subscribeSharingResults). `prepare` makes a value ready once for every consumer that shares it
 * (the same promise for them all); `take` then writes it synchronously, or declines (false).
 * `more`: another value follows for this consumer in the same turn (its writes may be gathered).
 */
export interface DirectConsumer<T> {
  prepare(value: T): Promise<unknown> | null;
  take(value: T, more: boolean): boolean;
}

/**
 * One subscriber's waiting values, bounded: a consumer that falls more than `capacity` behind is
 * ended with an error (its client resubscribes and catches up) instead of growing memory. A
 * plain iterator, not an async generator: a generator waiting for its next value cannot be
 * ended until one comes, so an unsubscribed client would stay registered on a quiet subject.
 */
export class Mailbox<T> implements AsyncIterableIterator<T> {
  private readonly waiting: T[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private closed = false;
  private direct: DirectConsumer<T> | null = null;

  /** `onClose` runs once, when the consumer stops (unsubscribes) or the mailbox overflows. */
  constructor(
    private readonly capacity: number,
    private readonly onClose: (reason: 'ended' | 'overflowed') => void,
  ) {}

  /** Queues a value; a consumer already too far behind is ended instead (it gets an error). */
  push(value: T): void {
    if (this.closed) return;
    if (this.waiting.length >= this.capacity) {
      this.failure = new Error('Too many events waiting for this subscription; subscribe again.');
      this.close('overflowed');
      return;
    }
    this.waiting.push(value);
    this.wake?.();
  }

  /** Lets the consumer take values directly while it waits with nothing queued (see DirectConsumer). */
  attachDirect(consumer: DirectConsumer<T>): void {
    this.direct = consumer;
  }

  /** What the direct consumer must make ready before `deliver`; null when it has none or will not take this value. */
  prepare(value: T): Promise<unknown> | null {
    return this.closed ? null : (this.direct?.prepare(value) ?? null);
  }

  /**
   * Hands the value straight to the direct consumer when its reader waits with nothing queued
   * (so nothing can overtake anything), else queues it as `push` does.
   */
  deliver(value: T, more = false): void {
    if (this.closed) return;
    if (this.direct && this.wake && this.waiting.length === 0 && this.direct.take(value, more)) return;
    this.push(value);
  }

  /** Delivers several values in order, in one turn (see `deliver`). */
  deliverAll(values: readonly T[]): void {
    for (let i = 0; i < values.length; i++) this.deliver(values[i], i < values.length - 1);
  }

  /** Takes up to `max` values already waiting, without waiting for more: a consumer that fell behind handles them together. */
  takeWaiting(max: number): T[] {
    return this.waiting.splice(0, max);
  }

  /** Ends the consumer with an error once it has taken what is waiting (its source failed). */
  fail(error: Error): void {
    if (this.closed) return;
    this.failure = error;
    this.close('ended');
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const value = this.waiting.shift();
      if (value !== undefined) return { value, done: false };
      if (this.failure) throw this.failure;
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  async return(): Promise<IteratorResult<T>> {
    this.waiting.length = 0;
    this.close('ended');
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    this.close('ended');
    throw error;
  }

  private close(reason: 'ended' | 'overflowed'): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(reason);
    this.wake?.();
  }
}
