/** One announcement of something new in a community (a thread or a blog post). */
export interface ContentAdded {
  seq: number;
  contentId: string;
}

/**
 * What arrived live for a list while it was open and is not on it yet: "3 new threads — show".
 * An event seen before (by its sequence) or content already counted or already on the list
 * (by its id) is not counted again.
 */
export class NewContent {
  private readonly seqs = new Set<number>();
  private readonly ids = new Set<string>();

  /** How many new items wait. */
  get count(): number {
    return this.ids.size;
  }

  /** Records an event; true when it adds to the count. */
  add(event: ContentAdded, shown: (contentId: string) => boolean): boolean {
    if (this.seqs.has(event.seq)) return false;
    this.seqs.add(event.seq);
    if (this.ids.has(event.contentId) || shown(event.contentId)) return false;
    this.ids.add(event.contentId);
    return true;
  }

  /** Forgets one item (it left, or it appeared on the list after all); true when it was counted. */
  remove(contentId: string): boolean {
    return this.ids.delete(contentId);
  }

  /** The list was loaded again: everything counted is on it now. */
  clear(): void {
    this.ids.clear();
  }
}
