import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@commons/shared-contracts';
import { toApiError, type ReplyFieldsFragment, type ThreadActivitySubscription } from '@commons/web-data-access';

export type ThreadActivityEvent = ThreadActivitySubscription['threadActivity'];

/**
 * The sequences of a thread's activity already applied. The server may send an event again
 * (around a reconnection, what was missed and what is live can overlap): a sequence already
 * seen is a repeat.
 */
export class SeenSequences {
  private readonly seen = new Set<number>();
  private highest: number | null = null;

  /** The sequence to resume after: the highest seen, null before any event. */
  get last(): number | null {
    return this.highest;
  }

  /** Records the sequence; false when it was seen before. */
  accept(seq: number): boolean {
    if (this.seen.has(seq)) return false;
    this.seen.add(seq);
    this.highest = this.highest === null ? seq : Math.max(this.highest, seq);
    return true;
  }
}

/** What the thread page does about one event of its live activity. */
export type LiveThreadAction =
  /** A reply the viewer may read appeared: add it where it belongs; others' are marked new. */
  | { type: 'add-reply'; reply: ReplyFieldsFragment; fromOthers: boolean }
  /** The thread changed: load it again. */
  | { type: 'reload-thread' }
  /** What changed is unknown (the events are no longer kept): load the thread and its replies again. */
  | { type: 'reload-all' }
  /** Nothing to do: a repeat, or a changed reply (the cache already holds it, by its id). */
  | { type: 'none' };

export function liveThreadAction(event: ThreadActivityEvent, seen: SeenSequences, viewerId: string | null): LiveThreadAction {
  if (!seen.accept(event.seq)) return { type: 'none' };
  switch (event.kind) {
    case 'REPLY_ADDED':
      return event.reply ? { type: 'add-reply', reply: event.reply, fromOthers: event.reply.author?.id !== viewerId } : { type: 'none' };
    case 'REPLY_CHANGED':
      return { type: 'none' };
    case 'THREAD_CHANGED':
      return { type: 'reload-thread' };
    case 'REFETCH':
      return { type: 'reload-all' };
  }
}

/** What to do when the server ended the thread's subscription. */
export type AfterActivityEnded =
  /** Subscribe again from the last event seen (the server asks for it when a reader fell behind or it failed). */
  | 'resume'
  /** The thread is gone, or no longer readable: show it as it is now. */
  | 'show-thread'
  /** Another try would fail the same way, or the session is over (handled by the app). */
  | 'stop';

const WOULD_FAIL_AGAIN: readonly string[] = [
  ErrorCode.Unauthenticated,
  ErrorCode.BadUserInput,
  ErrorCode.GraphqlParseFailed,
  ErrorCode.GraphqlValidationFailed,
];

/** `error` is what ended it; none when the server completed the subscription. */
export function afterActivityEnded(error?: unknown): AfterActivityEnded {
  if (error === undefined) return 'resume';
  // Not from the server: the connection was closed for good (an ended session).
  if (!CombinedGraphQLErrors.is(error)) return 'stop';
  const code = toApiError(error)?.code ?? ErrorCode.InternalServerError;
  if (code === ErrorCode.NotFound || code === ErrorCode.Forbidden) return 'show-thread';
  return WOULD_FAIL_AGAIN.includes(code) ? 'stop' : 'resume';
}

/** Runs `load`, and when asked again while it runs, once more afterwards: many changes, one reload at a time. */
export function coalesced(load: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void load()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}

/** Where a reply that appeared goes among the replies on screen. */
export type ReplyPlacement =
  /** Inserted among the loaded replies (last, usually). */
  | 'shown'
  /** It was there already (the viewer's own reply, announced by its mutation and by the thread). */
  | 'already-shown'
  /** It belongs after the loaded pages: it comes with the remaining ones. */
  | 'not-loaded';

interface PlacedEdge {
  node: { id: string; createdAt: string };
}

/** Replies are in time order, ties by id, as the server pages them. */
function before(a: PlacedEdge['node'], b: PlacedEdge['node']): boolean {
  const at = Date.parse(a.createdAt);
  const bt = Date.parse(b.createdAt);
  return at !== bt ? at < bt : a.id < b.id;
}

/**
 * The loaded replies with a reply that appeared: at its place in time (a reply approved after
 * review is older than the latest), never twice, and not at all when it belongs on a page not
 * loaded yet.
 */
export function placeReply<E extends PlacedEdge>(edges: readonly E[], hasNextPage: boolean, edge: E): { edges: readonly E[]; placement: ReplyPlacement } {
  if (edges.some((e) => e.node.id === edge.node.id)) return { edges, placement: 'already-shown' };
  const index = edges.findIndex((e) => before(edge.node, e.node));
  if (index === -1) return hasNextPage ? { edges, placement: 'not-loaded' } : { edges: [...edges, edge], placement: 'shown' };
  return { edges: [...edges.slice(0, index), edge, ...edges.slice(index)], placement: 'shown' };
}

/** The replies marked new that are not on screen yet: they wait beyond the loaded pages. */
export function waitingReplies(fresh: ReadonlySet<string>, loaded: readonly { node: { id: string } }[]): string[] {
  const shown = new Set(loaded.map((e) => e.node.id));
  return [...fresh].filter((id) => !shown.has(id));
}
