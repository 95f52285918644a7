import { draftInput, EMPTY_DRAFT, isHttpsUrl, normalizeTags, postRules, publishProblem, sameDraft, commentRule } from './validation';

describe('post rules', () => {
  it('wants a title of 1 to 200 characters, after trimming', () => {
    expect(postRules.title('   ')).toBe('Enter a title of 1 to 200 characters.');
    expect(postRules.title('x'.repeat(201))).toBe('Enter a title of 1 to 200 characters.');
    expect(postRules.title(`  ${'x'.repeat(200)}  `)).toBeUndefined();
  });

  it('limits the body to 50,000 characters and the excerpt to 500', () => {
    expect(postRules.body('x'.repeat(50_000))).toBeUndefined();
    expect(postRules.body('x'.repeat(50_001))).toBe('Write at most 50,000 characters.');
    expect(postRules.excerpt('x'.repeat(500))).toBeUndefined();
    expect(postRules.excerpt('x'.repeat(501))).toBe('Use at most 500 characters.');
  });

  it('accepts only https:// cover images on a real host name, or none', () => {
    expect(postRules.coverImageUrl('')).toBeUndefined();
    expect(postRules.coverImageUrl('https://images.example.com/cover.png')).toBeUndefined();
    for (const bad of ['http://images.example.com/a.png', 'javascript:alert(1)', 'https://localhost/a.png', 'images.example.com/a.png', 'https://exa mple.com/a.png']) {
      expect(postRules.coverImageUrl(bad)).toBe('Use an https:// address for the cover image.');
    }
    expect(isHttpsUrl(' https://cdn.example.org/x.jpg ')).toBe(true);
  });

  it('allows at most 10 tags', () => {
    expect(postRules.tags(Array.from({ length: 10 }, (_, i) => `t${i}`))).toBeUndefined();
    expect(postRules.tags(Array.from({ length: 11 }, (_, i) => `t${i}`))).toBe('Use at most 10 tags.');
  });

  it('needs a body to publish', () => {
    expect(publishProblem({ body: ' \n ' })).toBe('Write the post before publishing it.');
    expect(publishProblem({ body: 'Hello' })).toBeUndefined();
  });

  it('wants a comment of 1 to 10,000 characters', () => {
    expect(commentRule('  ')).toBe('Write 1 to 10,000 characters.');
    expect(commentRule('Nice post')).toBeUndefined();
    expect(commentRule('x'.repeat(10_001))).toBe('Write 1 to 10,000 characters.');
  });
});

describe('drafts', () => {
  it('normalises tags as the server does and drops empties and repeats', () => {
    expect(normalizeTags(['#Café Ops', 'café-ops', '  ', 'Rust'])).toEqual(['café-ops', 'rust']);
  });

  it('sends trimmed fields and no cover as null', () => {
    expect(draftInput({ ...EMPTY_DRAFT, title: '  Launch notes ', excerpt: ' Short ', coverImageUrl: '  ', tags: ['Ops'], body: ' body ' })).toEqual({
      title: 'Launch notes',
      excerpt: 'Short',
      coverImageUrl: null,
      tags: ['ops'],
      body: ' body ',
      coAuthorIds: [],
    });
  });

  it('tells drafts apart by what they would send', () => {
    expect(sameDraft({ ...EMPTY_DRAFT, title: 'A ' }, { ...EMPTY_DRAFT, title: 'A' })).toBe(true);
    expect(sameDraft({ ...EMPTY_DRAFT, body: 'A ' }, { ...EMPTY_DRAFT, body: 'A' })).toBe(false);
  });
});
