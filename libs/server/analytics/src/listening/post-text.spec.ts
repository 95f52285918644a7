import { crossLinks, keyPhrases, MAX_PHRASES_PER_POST, plainText } from './post-text';

describe('plainText', () => {
  it('keeps the words of Markdown and drops code, link targets, URLs and emphasis marks', () => {
    const text = plainText('# Launch\n**Great** [release notes](https://x.test/notes) see https://y.test/a?b=c\n```\nconst terrible = 1;\n```\nand `rm -rf` #Deploys');
    expect(text).toContain('Launch');
    expect(text).toContain('Great release notes');
    expect(text).toContain('Deploys');
    expect(text).not.toMatch(/terrible|https|rm -rf|\*\*|#/u);
  });
});

describe('keyPhrases', () => {
  it('takes runs of two or three content words within a sentence, lower-cased, once each', () => {
    expect(keyPhrases('The expense tool is slow. Expense tool, again!')).toEqual(['expense tool']);
    expect(keyPhrases('We roll out the new VPN client today')).toEqual(['new vpn', 'vpn client', 'new vpn client']);
  });

  it('never crosses punctuation or line breaks, and skips numbers and one-letter words', () => {
    expect(keyPhrases('Quarterly planning\nbudget review: 2026 plans, a b c')).toEqual(['quarterly planning', 'budget review']);
    expect(keyPhrases('Release 42 notes')).toEqual([]);
  });

  it('keeps words with inner apostrophes and hyphens whole, and treats accents as letters', () => {
    expect(keyPhrases('Follow-up meeting about café menus')).toEqual(['follow-up meeting', 'café menus']);
  });

  it('keeps at most the first phrases of a long post', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    expect(keyPhrases(words.join(' '))).toHaveLength(MAX_PHRASES_PER_POST);
  });
});

describe('crossLinks', () => {
  const origin = 'https://commons.example';

  it('counts each place on the platform a post links to once, relative or absolute', () => {
    const text = [
      'See [the fix](/communities/field/threads/t1) and [the same fix](/communities/field/threads/t1#reply-2).',
      `The playbook: ${origin}/knowledge/articles/a1, and [our blog](${origin}/blog/p9 "Blog").`,
      'Elsewhere: [vendor](https://vendor.example/communities/x) and https://other.example/blog/y.',
    ].join('\n');
    expect(crossLinks(text, origin)).toBe(3);
  });

  it('ignores links in code, and pages that are not content', () => {
    expect(crossLinks('`/communities/a/threads/b` and ```\n[x](/blog/p)\n``` and [home](/) and [me](/profile)', origin)).toBe(0);
  });
});
