import { afterReload, applyQueueChange, decidedElsewhereText, NOTHING_LIVE, withoutDecided, type QueueChange } from './queue-live';

const change = (seq: number, kind: QueueChange['change'], itemId: string, status: QueueChange['status'] = null): QueueChange => ({
  seq,
  change: kind,
  communityId: 'c1',
  itemId,
  contentId: `content-${itemId}`,
  status,
});

const onScreen = (ids: string[], deciding: string[] = []) => ({ shown: (id: string) => ids.includes(id), deciding: (id: string) => deciding.includes(id) });

describe('the live review queue', () => {
  it('counts items that entered and are not on screen, once', () => {
    const screen = onScreen(['a']);
    let live = applyQueueChange(NOTHING_LIVE, change(1, 'ENTERED', 'b'), screen);
    live = applyQueueChange(live, change(1, 'ENTERED', 'b'), screen);
    live = applyQueueChange(live, change(2, 'ENTERED', 'b'), screen);
    live = applyQueueChange(live, change(3, 'ENTERED', 'a'), screen);
    expect([...live.waiting]).toEqual(['b']);
  });

  it('marks an item on screen that someone else decided, but not the viewer’s own decision', () => {
    let live = applyQueueChange(NOTHING_LIVE, change(1, 'LEFT', 'a', 'APPROVED'), onScreen(['a', 'b'], ['b']));
    live = applyQueueChange(live, change(2, 'LEFT', 'b', 'REJECTED'), onScreen(['a', 'b'], ['b']));
    expect([...live.decidedElsewhere]).toEqual([['a', 'APPROVED']]);
    expect(decidedElsewhereText('APPROVED')).toBe('Approved by another moderator');
    expect(decidedElsewhereText(null)).toBe('Decided by another moderator');
  });

  it('stops counting a waiting item that left before it was shown', () => {
    let live = applyQueueChange(NOTHING_LIVE, change(1, 'ENTERED', 'b'), onScreen([]));
    live = applyQueueChange(live, change(2, 'LEFT', 'b', 'REJECTED'), onScreen([]));
    expect(live.waiting.size).toBe(0);
    expect(live.decidedElsewhere.size).toBe(0);
  });

  it('starts afresh after a reload, still knowing the repeats, and forgets decided items once removed', () => {
    let live = applyQueueChange(NOTHING_LIVE, change(1, 'ENTERED', 'b'), onScreen([]));
    live = applyQueueChange(live, change(2, 'LEFT', 'a'), onScreen(['a']));
    expect(withoutDecided(live, ['a']).decidedElsewhere.size).toBe(0);
    live = afterReload(live);
    expect(live.waiting.size).toBe(0);
    expect(applyQueueChange(live, change(1, 'ENTERED', 'b'), onScreen([]))).toBe(live);
  });
});
