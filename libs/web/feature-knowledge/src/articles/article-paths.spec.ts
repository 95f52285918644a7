import { diffSign, newArticlePath } from './article-paths';

describe('article paths', () => {
  it('puts the knowledge base and collection of a new article in the address', () => {
    expect(newArticlePath()).toBe('/knowledge/articles/new');
    expect(newArticlePath({ communityId: 'c1', collectionId: 'k1' })).toBe('/knowledge/articles/new?community=c1&collection=k1');
  });

  it('signs diff lines', () => {
    expect([diffSign('ADDED'), diffSign('REMOVED'), diffSign('UNCHANGED')]).toEqual(['+', '−', ' ']);
  });
});
