import { renderMarkdown } from './markdown';
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
