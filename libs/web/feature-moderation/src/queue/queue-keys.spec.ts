import { evidenceContext, moveSelection, queueCommand, selectionAfterRemoval, toggled, type KeyPress } from './queue-keys';

const press = (key: string, changes: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'BODY' }, ...changes });

describe('queue shortcuts', () => {
  it('maps j, k, a, r, e and x to their commands', () => {
    expect(['j', 'k', 'a', 'r', 'e', 'x', 'q'].map((key) => queueCommand(press(key)))).toEqual(['next', 'previous', 'approve', 'reject', 'escalate', 'toggle', null]);
  });

  it('leaves keys alone while typing, and with modifiers', () => {
    expect(queueCommand(press('a', { target: { tagName: 'TEXTAREA' } }))).toBeNull();
    expect(queueCommand(press('a', { target: { tagName: 'INPUT', type: 'text' } }))).toBeNull();
    expect(queueCommand(press('a', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(queueCommand(press('a', { ctrlKey: true }))).toBeNull();
    expect(queueCommand(press('r', { metaKey: true }))).toBeNull();
    // A focused checkbox or button is not typing.
    expect(queueCommand(press('x', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('toggle');
    expect(queueCommand(press('j', { target: { tagName: 'BUTTON' } }))).toBe('next');
  });
});

describe('selection', () => {
  const ids = ['a', 'b', 'c'];

  it('moves through the list and stays at its ends', () => {
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection([], null, 1)).toBeNull();
  });

  it('goes to the next item left once items are decided, else the one before', () => {
    expect(selectionAfterRemoval(ids, 'b', ['b'])).toBe('c');
    expect(selectionAfterRemoval(ids, 'c', ['c'])).toBe('b');
    expect(selectionAfterRemoval(ids, 'a', ['a', 'b'])).toBe('c');
    expect(selectionAfterRemoval(ids, 'a', ['b'])).toBe('a');
    expect(selectionAfterRemoval(ids, 'a', ['a', 'b', 'c'])).toBeNull();
  });

  it('toggles ids in a set', () => {
    expect([...toggled(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggled(new Set(['a', 'b']), 'a')]).toEqual(['b']);
  });
});

describe('evidenceContext', () => {
  it('shows the match with some text either side, cut at words', () => {
    const text = 'We moved here from Acme last spring and it was painless for everyone involved.';
    const start = text.indexOf('Acme');
    expect(evidenceContext(text, start, start + 4, 10)).toEqual({ before: '…from ', match: 'Acme', after: ' last…' });
    expect(evidenceContext('Acme', 0, 4)).toEqual({ before: '', match: 'Acme', after: '' });
    expect(evidenceContext('Acme', 2, 10)).toBeNull();
  });
});
