import { hasInlineTags, renderMarkdown } from './markdown';
import { XSS_CORPUS } from './xss-corpus';

/** Markup that could run script or load active content, in the rendered HTML. */
function executable(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.match(/<[a-z][^>]*>/giu) ?? []) {
    const name = /^<([a-z0-9]+)/iu.exec(tag)?.[1].toLowerCase() ?? '';
    if (/^(script|iframe|object|embed|style|svg|math|form|base|meta|link|body|details|template|noscript|xss)$/u.test(name)) problems.push(tag);
    // Attributes as a browser reads them: name, then a quoted or bare value.
    for (const [, attribute, quoted, single, bare] of tag.matchAll(/\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu)) {
      const value = (quoted ?? single ?? bare ?? '').replace(/&#x?[0-9a-f]+;?/giu, '?').trim();
      const key = attribute.toLowerCase();
      if (key.startsWith('on')) problems.push(tag);
      if (key === 'style' && !/^text-align:(left|right|center);?$/u.test(value)) problems.push(tag);
      if ((key === 'href' || key === 'src') && !/^(https?:|mailto:|#|\/(?!\/)|[\w.-]+(\/|$))/iu.test(value)) problems.push(tag);
    }
    if (name === 'input' && !/^<input type="checkbox" disabled(="")?( checked(="")?)? ?\/?>$/u.test(tag)) problems.push(tag);
  }
  return problems;
}

describe('renderMarkdown', () => {
  it('renders CommonMark with tables, task lists and fenced code', () => {
    const html = renderMarkdown(
      '# Charter\n\n**Be kind**, see [guidelines](https://example.com/g).\n\n- [x] done\n- [ ] to do\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```',
    );
    expect(html).toContain('<h1>Charter</h1>');
    expect(html).toContain('<strong>Be kind</strong>');
    expect(html).toContain('<a href="https://example.com/g" rel="nofollow noopener ugc">guidelines</a>');
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled(="")? checked(="")? ?\/?>/u);
    expect(html).toContain('<table>');
    expect(html).toContain('<code class="language-ts">');
  });

  it.each(XSS_CORPUS.map((input, i) => [i, input]))('neutralises XSS vector %i', (_i, input) => {
    const html = renderMarkdown(input as string);
    expect(executable(html)).toEqual([]);
  });

  it('keeps the detector honest: it flags the vectors themselves', () => {
    const flagged = XSS_CORPUS.filter((v) => executable(v).length > 0);
    expect(flagged.length).toBeGreaterThan(25);
  });
});

describe('renderMarkdown: inline #tags', () => {
  const tagHref = (tag: string) => `/communities/ops/forum/tags/${encodeURIComponent(tag)}`;

  it('links each #tag to its page, by its normalised form, keeping the words around it', () => {
    expect(renderMarkdown('Ask in #Postgres or #café-ops, please.', { tagHref })).toBe(
      '<p>Ask in <a href="/communities/ops/forum/tags/postgres" rel="nofollow noopener ugc">#Postgres</a> or ' +
        '<a href="/communities/ops/forum/tags/caf%C3%A9-ops" rel="nofollow noopener ugc">#café-ops</a>, please.</p>\n',
    );
    expect(renderMarkdown('#first thing (#second)', { tagHref })).toContain('>#second</a>)');
  });

  it('leaves anchors, headings, code, links and a lone # as they are', () => {
    const html = renderMarkdown('# Heading\n\nSee page#part, `#code`, [a #link](https://example.com) and # alone.\n\n```\n#fenced\n```', { tagHref });
    expect(html).not.toContain('/tags/');
    expect(html).toContain('<h1>Heading</h1>');
  });

  it('tells whether a text has a tag to link, without disturbing the rendering that follows', () => {
    expect(hasInlineTags('no tags, page#part')).toBe(false);
    expect(hasInlineTags('see #deploys')).toBe(true);
    expect(renderMarkdown('see #deploys', { tagHref })).toContain('>#deploys</a>');
  });

  it('keeps tags as text without a place to link them to, and cannot be turned into markup', () => {
    expect(renderMarkdown('About #postgres')).toBe('<p>About #postgres</p>\n');
    expect(renderMarkdown('#<script>alert(1)</script>', { tagHref })).not.toContain('<script');
  });
});
