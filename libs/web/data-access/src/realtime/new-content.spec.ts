import { NewContent } from './new-content';

describe('NewContent', () => {
  const nothingShown = () => false;

  it('counts each new item once, whether the event or the item comes again', () => {
    const fresh = new NewContent();
    expect(fresh.add({ seq: 1, contentId: 'a' }, nothingShown)).toBe(true);
    expect(fresh.add({ seq: 1, contentId: 'a' }, nothingShown)).toBe(false);
    expect(fresh.add({ seq: 2, contentId: 'a' }, nothingShown)).toBe(false);
    expect(fresh.add({ seq: 3, contentId: 'b' }, nothingShown)).toBe(true);
    expect(fresh.count).toBe(2);
  });

  it('does not count what the list already shows', () => {
    const fresh = new NewContent();
    expect(fresh.add({ seq: 1, contentId: 'a' }, (id) => id === 'a')).toBe(false);
    expect(fresh.count).toBe(0);
  });

  it('starts again from nothing once the list is loaded again, and forgets an item that left', () => {
    const fresh = new NewContent();
    fresh.add({ seq: 1, contentId: 'a' }, nothingShown);
    fresh.add({ seq: 2, contentId: 'b' }, nothingShown);
    expect(fresh.remove('a')).toBe(true);
    expect(fresh.remove('a')).toBe(false);
    expect(fresh.count).toBe(1);
    fresh.clear();
    expect(fresh.count).toBe(0);
    // A repeat of an event from before the reload is still a repeat.
    expect(fresh.add({ seq: 2, contentId: 'b' }, nothingShown)).toBe(false);
  });
});
