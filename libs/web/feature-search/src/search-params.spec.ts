import { hitHref, readParams, searchProblem, toFilter, writeParams } from './search-params';

describe('search addresses', () => {
  it('reads what it understands and drops the rest', () => {
    expect(readParams(new URLSearchParams('q=%20launch%20notes%20&kind=REPLY&answered=yes&tag=ops&from=2026-03-01&to=yesterday&community=abc'))).toEqual({
      q: 'launch notes',
      kind: 'REPLY',
      answered: true,
      tag: 'ops',
      from: '2026-03-01',
      to: '',
      community: 'abc',
    });
    expect(readParams(new URLSearchParams('kind=EVERYTHING&answered=maybe'))).toMatchObject({ q: '', kind: null, answered: null, community: null });
  });

  it('writes only the parts that are set, and reads them back the same', () => {
    const search = { q: 'rust', kind: null, answered: false, tag: '', from: '', to: '2026-03-31', community: null };
    expect(writeParams(search).toString()).toBe('q=rust&answered=no&to=2026-03-31');
    expect(readParams(writeParams(search))).toEqual(search);
  });

  it('turns days into local instants, with the whole last day included', () => {
    const filter = toFilter({ q: 'x', kind: 'THREAD', answered: null, tag: 'ops', from: '2026-03-01', to: '2026-03-31', community: 'c1' });
    expect(filter).toEqual({
      kind: 'THREAD',
      tag: 'ops',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
      communityId: 'c1',
    });
    expect(toFilter({ q: 'x', kind: null, answered: null, tag: '', from: '', to: '', community: null })).toBeNull();
  });

  it('refuses an overlong query and a period that ends before it starts', () => {
    const base = { q: 'x', kind: null, answered: null, tag: '', from: '', to: '', community: null };
    expect(searchProblem(base)).toBeUndefined();
    expect(searchProblem({ ...base, q: 'x'.repeat(201) })).toEqual({ field: 'q', message: 'Enter 1 to 200 characters to search for.' });
    expect(searchProblem({ ...base, from: '2026-03-02', to: '2026-03-01' })).toEqual({ field: 'to', message: 'The end date comes before the start date.' });
  });

  it('links threads and replies to their thread, and posts to the blog', () => {
    expect(hitHref({ kind: 'THREAD', threadId: 't1', postSlug: null, communitySlug: 'eng' })).toBe('/communities/eng/forum/threads/t1');
    expect(hitHref({ kind: 'REPLY', threadId: 't1', postSlug: null, communitySlug: 'eng' })).toBe('/communities/eng/forum/threads/t1');
    expect(hitHref({ kind: 'BLOG_POST', threadId: null, postSlug: 'launch-notes', communitySlug: 'eng' })).toBe('/communities/eng/blog/launch-notes');
    expect(hitHref({ kind: 'ARTICLE', id: 'a1', threadId: null, postSlug: null, communitySlug: null })).toBe('/knowledge/articles/a1');
  });
});
