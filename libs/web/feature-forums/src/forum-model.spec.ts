import { filtersFromSearch, newThreadMatches, normaliseTags, rules, searchFromFilters, threadIdFrom, toThreadFilter, whyNoReply } from './forum-model';

const ID = '0190f3a2-7c4e-7d1a-9b2c-3d4e5f607182';

describe('forum rules', () => {
  it('mirrors the server limits', () => {
    expect(rules.title('  ')).toBe('Enter a title of 1 to 200 characters.');
    expect(rules.title('x'.repeat(200))).toBeUndefined();
    expect(rules.title('x'.repeat(201))).toBe('Enter a title of 1 to 200 characters.');
    expect(rules.body('')).toBe('Write 1 to 50,000 characters.');
    expect(rules.body('x'.repeat(50_000))).toBeUndefined();
    expect(rules.body('x'.repeat(50_001))).toBe('Write 1 to 50,000 characters.');
    expect(rules.tags(Array.from({ length: 11 }, (_, i) => `t${i}`))).toBe('Use at most 10 tags.');
    expect(rules.categoryName('a')).toBe('Enter a name of 2 to 60 characters.');
  });
});

describe('normaliseTags', () => {
  it('normalises like the server, splits on commas and keeps each tag once', () => {
    expect(normaliseTags(['#Onboarding', 'Café  Ops, onboarding', '###', ' Release Notes '])).toEqual(['onboarding', 'café-ops', 'release-notes']);
  });
});

describe('threadIdFrom', () => {
  it('reads a bare id or a pasted thread link', () => {
    expect(threadIdFrom(ID)).toBe(ID);
    expect(threadIdFrom(`https://commons.example/communities/engineering-guild/forum/threads/${ID.toUpperCase()}?x=1`)).toBe(ID);
    expect(threadIdFrom(`/communities/g/forum/threads/${ID}`)).toBe(ID);
    expect(threadIdFrom('not a thread')).toBeNull();
    expect(threadIdFrom(`${ID}0`)).toBeNull();
  });
});

describe('whyNoReply', () => {
  const can = { viewerCan: { participate: true, join: false } };
  it('gives the reason the server would give', () => {
    expect(whyNoReply({ deleted: false, locked: true, duplicateOfId: null }, can)).toBe('This thread is locked: no new replies.');
    expect(whyNoReply({ deleted: false, locked: false, duplicateOfId: ID }, can)).toMatch(/duplicate/u);
    expect(whyNoReply({ deleted: false, locked: false, duplicateOfId: null }, { viewerCan: { participate: false, join: true } })).toBe('Join the community to reply.');
  });
});

describe('filters in the address', () => {
  it('round-trips and becomes the API filter', () => {
    const filters = filtersFromSearch(new URLSearchParams('category=c1&questions=1&unresolved=1&tag=%23Release%20Notes'));
    expect(filters).toEqual({ category: 'c1', questions: true, unanswered: false, unresolved: true, tag: 'release-notes' });
    expect(searchFromFilters(filters).toString()).toBe('category=c1&questions=1&unresolved=1&tag=release-notes');
    expect(toThreadFilter(filters)).toEqual({ categoryId: 'c1', kind: 'QUESTION', unanswered: null, unresolved: true, tag: 'release-notes' });
    expect(searchFromFilters(filtersFromSearch(new URLSearchParams(''))).toString()).toBe('');
  });
});

describe('newThreadMatches', () => {
  const none = { category: null, questions: false, unanswered: false, unresolved: false, tag: null };
  it('counts a new thread on the whole list, on its category’s, and among the unanswered', () => {
    expect(newThreadMatches(none, 'c1')).toBe(true);
    expect(newThreadMatches({ ...none, category: 'c1' }, 'c1')).toBe(true);
    expect(newThreadMatches({ ...none, unanswered: true }, null)).toBe(true);
  });
  it('leaves out another category, and filters the announcement cannot tell', () => {
    expect(newThreadMatches({ ...none, category: 'c2' }, 'c1')).toBe(false);
    expect(newThreadMatches({ ...none, questions: true }, 'c1')).toBe(false);
    expect(newThreadMatches({ ...none, unresolved: true }, 'c1')).toBe(false);
    expect(newThreadMatches({ ...none, tag: 'ops' }, 'c1')).toBe(false);
  });
});
