import { parseInline, parseMarkdown, safeHref } from './markdown-preview';

describe('the preview Markdown reader', () => {
  it('reads headings, paragraphs, lists, quotes, rules and code', () => {
    const blocks = parseMarkdown(
      '## How to\n\nFirst line\nsecond line\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted **text**\n\n---\n\n```\n<b>not html</b>\n```',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'How to' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line' }] },
      { type: 'list', ordered: false, start: 1, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'text', text: 'three' }], [{ type: 'text', text: 'four' }]] },
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted ' }, { type: 'strong', children: [{ type: 'text', text: 'text' }] }] }] },
      { type: 'rule' },
      { type: 'code', text: '<b>not html</b>' },
    ]);
  });

  it('reads emphasis, code and links inside a line', () => {
    expect(parseInline('a *b* `c*d*` [e](https://x.example) ~~f~~ __g__')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'em', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'c*d*' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.example', children: [{ type: 'text', text: 'e' }] },
      { type: 'text', text: ' ' },
      { type: 'del', children: [{ type: 'text', text: 'f' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'g' }] },
    ]);
  });

  it('shows an @mention by name', () => {
    expect(parseInline('thanks @[Grace Hopper](mention:0190f3a2-7c4e-7d1a-9b2c-3d4e5f607182)!')).toEqual([
      { type: 'text', text: 'thanks ' },
      { type: 'mention', name: 'Grace Hopper' },
      { type: 'text', text: '!' },
    ]);
  });

  it('keeps snake_case words and lone asterisks as text', () => {
    expect(parseInline('use snake_case_names and 2 * 3')).toEqual([{ type: 'text', text: 'use snake_case_names and 2 * 3' }]);
  });

  it('links bare web addresses', () => {
    expect(parseInline('see https://commons.example/a.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://commons.example/a', children: [{ type: 'text', text: 'https://commons.example/a' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('mailto:ada@commons.example')).toBe('mailto:ada@commons.example');
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: '[click](javascript:alert(1))' }]);
  });

  it('finishes on any mix of markers', () => {
    const pieces = ['#', '# ', '> ', '- ', '1. ', '```', '---', '*', '_', '`', '[', '](', ')', '~~', 'x', ' ', '\n', '\n\n'];
    for (let seed = 1; seed < 500; seed++) {
      let n = seed;
      let text = '';
      for (let k = 0; k < 12; k++) {
        n = (n * 1103515245 + 12345) % 2147483648;
        text += pieces[n % pieces.length];
      }
      expect(Array.isArray(parseMarkdown(text))).toBe(true);
    }
  });
});
