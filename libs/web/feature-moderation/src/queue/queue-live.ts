import type { ModerationQueueActivitySubscription, ModerationQueueStatus } from '@commons/web-data-access';

export type QueueChange = ModerationQueueActivitySubscription['moderationQueue'];

/** What the open queue learnt live. */
export interface LiveQueue {
  /** Sequences applied: a change seen before is a repeat. */
  seen: ReadonlySet<number>;
  /** Items that entered the queue and are not on screen: "2 new items — Show". */
  waiting: ReadonlySet<string>;
  /** Items on screen that another moderator decided meanwhile, with how they left. */
  decidedElsewhere: ReadonlyMap<string, ModerationQueueStatus | null>;
}

export const NOTHING_LIVE: LiveQueue = { seen: new Set(), waiting: new Set(), decidedElsewhere: new Map() };

export interface QueueOnScreen {
  /** Whether the item is on the list on screen. */
  shown: (itemId: string) => boolean;
  /** Whether the viewer is deciding it right now (their own decision is not someone else's). */
  deciding: (itemId: string) => boolean;
}

/** The queue after one live change. */
export function applyQueueChange(live: LiveQueue, change: QueueChange, screen: QueueOnScreen): LiveQueue {
  if (live.seen.has(change.seq)) return live;
  const seen = new Set(live.seen).add(change.seq);
  switch (change.change) {
    case 'ENTERED':
      if (screen.shown(change.itemId) || live.waiting.has(change.itemId)) return { ...live, seen };
      return { ...live, seen, waiting: new Set(live.waiting).add(change.itemId) };
    case 'LEFT': {
      const waiting = new Set(live.waiting);
      waiting.delete(change.itemId);
      if (!screen.shown(change.itemId) || screen.deciding(change.itemId)) return { ...live, seen, waiting };
      return { seen, waiting, decidedElsewhere: new Map(live.decidedElsewhere).set(change.itemId, change.status ?? null) };
    }
    case 'ESCALATED':
      return { ...live, seen };
  }
}

/** The list was loaded again: what waited is on it, what was decided elsewhere is gone from it. */
export const afterReload = (live: LiveQueue): LiveQueue => ({ seen: live.seen, waiting: new Set(), decidedElsewhere: new Map() });

/** Forgets items decided elsewhere once they are off the list. */
export function withoutDecided(live: LiveQueue, itemIds: readonly string[]): LiveQueue {
  if (!itemIds.some((id) => live.decidedElsewhere.has(id))) return live;
  const decidedElsewhere = new Map(live.decidedElsewhere);
  for (const id of itemIds) decidedElsewhere.delete(id);
  return { ...live, decidedElsewhere };
}

/** How another moderator's decision reads on the item. */
export const decidedElsewhereText = (status: ModerationQueueStatus | null): string =>
  status === 'APPROVED' ? 'Approved by another moderator' : status === 'REJECTED' ? 'Rejected by another moderator' : 'Decided by another moderator';
