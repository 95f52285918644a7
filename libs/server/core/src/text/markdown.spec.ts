import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders the usual Markdown', () => {
    const html = renderMarkdown('# Charter\n\n**Be kind**, see [guidelines](https://example.com/g).\n\n- one\n- two');
    expect(html).toContain('<h1>Charter</h1>');
    expect(html).toContain('<strong>Be kind</strong>');
    expect(html).toContain('<a href="https://example.com/g" rel="nofollow noopener noreferrer">guidelines</a>');
    expect(html).toContain('<li>one</li>');
  });

  it('never lets HTML or script URLs through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img|href="javascript/iu);
    expect(html).not.toMatch(/<[^>]+onerror/iu);
    expect(html).toContain('&lt;script&gt;');
  });
});
