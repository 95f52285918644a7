import { andList, count } from './format';

describe('count', () => {
  it('puts the noun in the singular only for one', () => {
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(0, 'reply', 'replies')).toBe('0 replies');
    expect(count(12, 'member')).toBe('12 members');
  });
});

describe('andList', () => {
  it('joins words with commas and a final "and"', () => {
    expect(andList([])).toBe('');
    expect(andList(['Ada'])).toBe('Ada');
    expect(andList(['Ada', 'Grace'])).toBe('Ada and Grace');
    expect(andList(['Ada', 'Grace', 'Alan'])).toBe('Ada, Grace and Alan');
  });
});
