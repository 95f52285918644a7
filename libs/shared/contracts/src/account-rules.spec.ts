import { initialsOf } from './account-rules';

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['  grace   brewster murray hopper ', 'GH'],
    ['Linus', 'L'],
    ['Émilie du Châtelet', 'ÉC'],
    ['', '?'],
  ])('%p → %p', (name, initials) => expect(initialsOf(name)).toBe(initials));
});
