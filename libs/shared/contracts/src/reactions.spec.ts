import { toggledReactions } from './reactions';

describe('toggledReactions', () => {
  it('adds the viewer to a kind, keeping the bar order and dropping empty kinds', () => {
    expect(toggledReactions([{ kind: 'HELPFUL', count: 2, mine: false }], 'LIKE', true)).toEqual([
      { kind: 'LIKE', count: 1, mine: true },
      { kind: 'HELPFUL', count: 2, mine: false },
    ]);
  });

  it('takes the viewer back out, and changes nothing when already so', () => {
    expect(toggledReactions([{ kind: 'LIKE', count: 1, mine: true }], 'LIKE', false)).toEqual([]);
    expect(toggledReactions([{ kind: 'LIKE', count: 3, mine: true }], 'LIKE', true)).toEqual([{ kind: 'LIKE', count: 3, mine: true }]);
  });

  it('answers in the order the server does (the declared kinds), whatever the order toggled in', () => {
    const on = toggledReactions([{ kind: 'LIKE', count: 2, mine: false }], 'HELPFUL', true);
    expect(on).toEqual([
      { kind: 'LIKE', count: 2, mine: false },
      { kind: 'HELPFUL', count: 1, mine: true },
    ]);
    expect(toggledReactions(on, 'HELPFUL', false)).toEqual([{ kind: 'LIKE', count: 2, mine: false }]);
    expect(toggledReactions(on, 'HELPFUL', true)).toEqual(on);
  });
});
