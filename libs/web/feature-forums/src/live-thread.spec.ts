import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReplyFieldsFragment } from '@commons/web-data-access';
import { afterActivityEnded, coalesced, liveThreadAction, placeReply, SeenSequences, waitingReplies, type ThreadActivityEvent } from './live-thread';

const ADA = 'a0000000-0000-7000-8000-000000000001';
const GRACE = 'a0000000-0000-7000-8000-000000000002';

const reply = (id: string, createdAt: string, authorId = GRACE): ReplyFieldsFragment => ({
  id,
  threadId: 't1',
  body: id,
  bodyHtml: `<p>${id}</p>`,
  deleted: false,
  moderationState: 'VISIBLE',
  createdAt,
  editedAt: null,
  version: 1,
  author: { id: authorId, displayName: authorId === ADA ? 'Ada Lovelace' : 'Grace Hopper', initials: 'GH', title: null },
  replyTo: null,
  reactions: [],
  viewerCan: { edit: false, delete: false },
});

const event = (seq: number, kind: ThreadActivityEvent['kind'], r: ReplyFieldsFragment | null = null): ThreadActivityEvent => ({ seq, kind, threadId: 't1', reply: r });
const edge = (r: ReplyFieldsFragment) => ({ node: r });

describe('SeenSequences', () => {
  it('accepts each sequence once and resumes after the highest, whatever the order they came in', () => {
    const seen = new SeenSequences();
    expect(seen.last).toBeNull();
    expect([5, 7, 5, 6, 7, 8].map((seq) => seen.accept(seq))).toEqual([true, true, false, true, false, true]);
    expect(seen.last).toBe(8);
  });
});

describe('liveThreadAction', () => {
  it('adds a new reply, marked as others’ unless the viewer wrote it', () => {
    const seen = new SeenSequences();
    expect(liveThreadAction(event(1, 'REPLY_ADDED', reply('r1', '2026-03-01T10:00:00.000Z')), seen, ADA)).toMatchObject({ type: 'add-reply', fromOthers: true });
    expect(liveThreadAction(event(2, 'REPLY_ADDED', reply('r2', '2026-03-01T10:01:00.000Z', ADA)), seen, ADA)).toMatchObject({ type: 'add-reply', fromOthers: false });
  });

  it('ignores a repeat', () => {
    const seen = new SeenSequences();
    const added = event(3, 'REPLY_ADDED', reply('r1', '2026-03-01T10:00:00.000Z'));
    expect(liveThreadAction(added, seen, ADA).type).toBe('add-reply');
    expect(liveThreadAction(added, seen, ADA).type).toBe('none');
    expect(liveThreadAction(event(3, 'THREAD_CHANGED'), seen, ADA).type).toBe('none');
  });

  it('leaves a changed reply to the cache, and reloads the thread, or everything, when told', () => {
    const seen = new SeenSequences();
    expect(liveThreadAction(event(1, 'REPLY_CHANGED', reply('r1', '2026-03-01T10:00:00.000Z')), seen, ADA).type).toBe('none');
    expect(liveThreadAction(event(2, 'THREAD_CHANGED'), seen, ADA).type).toBe('reload-thread');
    expect(liveThreadAction(event(3, 'REFETCH'), seen, ADA).type).toBe('reload-all');
    expect(seen.last).toBe(3);
  });
});

describe('placeReply', () => {
  const first = edge(reply('r1', '2026-03-01T10:00:00.000Z'));
  const second = edge(reply('r2', '2026-03-01T10:05:00.000Z'));
  const latest = edge(reply('r3', '2026-03-01T10:09:00.000Z'));

  it('appends the latest reply when every page is loaded', () => {
    expect(placeReply([first, second], false, latest)).toEqual({ edges: [first, second, latest], placement: 'shown' });
  });

  it('never adds a reply twice', () => {
    const edges = [first, second];
    expect(placeReply(edges, false, edge(reply('r2', '2026-03-01T10:05:00.000Z')))).toEqual({ edges, placement: 'already-shown' });
  });

  it('leaves a reply that belongs after the loaded pages to them', () => {
    const edges = [first, second];
    expect(placeReply(edges, true, latest)).toEqual({ edges, placement: 'not-loaded' });
  });

  it('puts an older reply (approved after review) at its place in time, ties by id', () => {
    const approved = edge(reply('r0', '2026-03-01T10:02:00.000Z'));
    expect(placeReply([first, second], true, approved).edges.map((e) => e.node.id)).toEqual(['r1', 'r0', 'r2']);
    const tie = edge(reply('r15', '2026-03-01T10:00:00.000Z'));
    expect(placeReply([first, second], false, tie).edges.map((e) => e.node.id)).toEqual(['r1', 'r15', 'r2']);
  });
});

describe('waitingReplies', () => {
  it('lists the new replies not on screen', () => {
    expect(waitingReplies(new Set(['r2', 'r5', 'r6']), [{ node: { id: 'r1' } }, { node: { id: 'r2' } }])).toEqual(['r5', 'r6']);
  });
});

describe('afterActivityEnded', () => {
  const graphqlError = (code: string) => new CombinedGraphQLErrors({ errors: [{ message: code, extensions: { code } }] });

  it('resumes when the server ended the subscription: completed, failed, or asking the reader to catch up', () => {
    expect(afterActivityEnded()).toBe('resume');
    expect(afterActivityEnded(graphqlError('INTERNAL_SERVER_ERROR'))).toBe('resume');
    expect(afterActivityEnded(graphqlError('SERVICE_UNAVAILABLE'))).toBe('resume');
    expect(afterActivityEnded(new CombinedGraphQLErrors({ errors: [{ message: 'Too many events waiting for this subscription; subscribe again.' }] }))).toBe('resume');
  });

  it('shows the thread as it is when it is gone or no longer readable', () => {
    expect(afterActivityEnded(graphqlError('NOT_FOUND'))).toBe('show-thread');
    expect(afterActivityEnded(graphqlError('FORBIDDEN'))).toBe('show-thread');
  });

  it('stops when another try would fail the same way or the session is over', () => {
    expect(afterActivityEnded(graphqlError('UNAUTHENTICATED'))).toBe('stop');
    expect(afterActivityEnded(graphqlError('BAD_USER_INPUT'))).toBe('stop');
    expect(afterActivityEnded(new Error('Socket closed with event 4403 Forbidden'))).toBe('stop');
  });
});

describe('coalesced', () => {
  /** Lets the finished reload's promise callbacks run. */
  const afterReload = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('runs one reload at a time, and once more for everything asked meanwhile', async () => {
    const finish: Array<() => void> = [];
    const load = jest.fn(() => new Promise<void>((resolve) => finish.push(resolve)));
    const reload = coalesced(load);
    reload();
    reload();
    reload();
    expect(load).toHaveBeenCalledTimes(1);
    finish.shift()?.();
    await afterReload();
    expect(load).toHaveBeenCalledTimes(2);
    finish.shift()?.();
    await afterReload();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
