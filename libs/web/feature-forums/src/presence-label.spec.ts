import { readersLabel, typingLabel } from './presence-label';

const ADA = { id: 'a1', displayName: 'Ada Lovelace' };
const GRACE = { id: 'a2', displayName: 'Grace Hopper' };
const ALAN = { id: 'a3', displayName: 'Alan Turing' };
const KATHERINE = { id: 'a4', displayName: 'Katherine Johnson' };
const ME = { id: 'me', displayName: 'Margaret Hamilton' };

describe('readersLabel', () => {
  it('says nothing while the viewer reads alone', () => {
    expect(readersLabel(0)).toBeNull();
    expect(readersLabel(1)).toBeNull();
  });

  it('counts everyone reading, the viewer included', () => {
    expect(readersLabel(2)).toBe('2 people reading');
    expect(readersLabel(37)).toBe('37 people reading');
  });
});

describe('typingLabel', () => {
  it('says nothing when nobody else is writing', () => {
    expect(typingLabel([], 'me')).toBeNull();
    expect(typingLabel([ME], 'me')).toBeNull();
  });

  it('names one or two people in full', () => {
    expect(typingLabel([ADA], 'me')).toBe('Ada Lovelace is typing…');
    expect(typingLabel([ADA, GRACE], 'me')).toBe('Ada Lovelace and Grace Hopper are typing…');
  });

  it('names two by their first names and counts the others from three people on', () => {
    expect(typingLabel([ADA, GRACE, ALAN], 'me')).toBe('Ada, Grace and 1 other are typing…');
    expect(typingLabel([ADA, GRACE, ALAN, KATHERINE], 'me')).toBe('Ada, Grace and 2 others are typing…');
  });

  it('never lists the viewer, wherever the server puts them', () => {
    expect(typingLabel([ME, ADA], 'me')).toBe('Ada Lovelace is typing…');
    expect(typingLabel([ADA, ME, GRACE], 'me')).toBe('Ada Lovelace and Grace Hopper are typing…');
    expect(typingLabel([ADA, GRACE, ME, ALAN], 'me')).toBe('Ada, Grace and 1 other are typing…');
  });

  it('lists everyone when nobody is signed in to leave out, and each person once', () => {
    expect(typingLabel([ADA, ME], null)).toBe('Ada Lovelace and Margaret Hamilton are typing…');
    expect(typingLabel([ADA, ADA], 'me')).toBe('Ada Lovelace is typing…');
  });

  it('keeps a one-word name whole', () => {
    expect(typingLabel([{ id: 'x', displayName: 'Cher' }, ADA, GRACE], 'me')).toBe('Cher, Ada and 1 other are typing…');
  });
});
