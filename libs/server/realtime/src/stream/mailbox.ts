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
