import {
  applyEdit,
  continueList,
  findTrigger,
  inCode,
  insertLink,
  insertPick,
  isUrl,
  mentionMarkdown,
  pasteAsLink,
  tagMarkdown,
  toggleEmphasis,
  type TextEdit,
  type TextState,
} from './markdown-editing';

/** A text with `|` for the caret or `«` `»` around the selection, and back. */
function state(marked: string): TextState {
  if (marked.includes('|')) {
    const start = marked.indexOf('|');
    return { value: marked.replace('|', ''), start, end: start };
  }
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  return { value: marked.replace('«', '').replace('»', ''), start, end };
}

function marked(value: string, edit: TextEdit): string {
  const text = applyEdit(value, edit);
  if (edit.selectionStart === edit.selectionEnd) return `${text.slice(0, edit.selectionStart)}|${text.slice(edit.selectionStart)}`;
  return `${text.slice(0, edit.selectionStart)}«${text.slice(edit.selectionStart, edit.selectionEnd)}»${text.slice(edit.selectionEnd)}`;
}

/** The trigger at `caret`, which the case expects to be there. */
function at(value: string, caret: number) {
  const found = findTrigger(value, caret);
  if (!found) throw new Error(`no trigger at ${caret} in ${value}`);
  return found;
}

const trigger = (text: string) => {
  const { value, start } = state(text);
  return findTrigger(value, start);
};

describe('findTrigger: the @mention or #tag typed at the caret', () => {
  it('finds @ and letters at the start of a word, with what precedes the caret as the query', () => {
    expect(trigger('Thanks @Gra|')).toEqual({ kind: 'mention', query: 'Gra', from: 7, to: 11 });
    expect(trigger('@ada|')).toEqual({ kind: 'mention', query: 'ada', from: 0, to: 4 });
    expect(trigger('(cc @Ines|)')).toEqual({ kind: 'mention', query: 'Ines', from: 4, to: 9 });
    expect(trigger('first line\n@Zoë|')).toMatchObject({ kind: 'mention', query: 'Zoë' });
    // The word goes on after the caret: a pick replaces all of it.
    expect(trigger('@Gr|ace and')).toEqual({ kind: 'mention', query: 'Gr', from: 0, to: 6 });
  });

  it('lets a name hold one space, for first and last names', () => {
    expect(trigger('hi @Grace Ho|')).toMatchObject({ kind: 'mention', query: 'Grace Ho' });
    expect(trigger('hi @Grace Hopper and|')).toBeNull();
    expect(trigger('hi @Grace |')).toBeNull();
  });

  it('finds # and letters at the start of a word as a tag, Unicode included', () => {
    expect(trigger('About #data|')).toEqual({ kind: 'tag', query: 'data', from: 6, to: 11 });
    expect(trigger('#Café|')).toMatchObject({ kind: 'tag', query: 'Café' });
    expect(trigger('#日本|')).toMatchObject({ kind: 'tag', query: '日本' });
    expect(trigger('#feature-fl|')).toMatchObject({ kind: 'tag', query: 'feature-fl' });
  });

  it('finds nothing in e-mail addresses, headings, anchors, lone markers or code', () => {
    expect(trigger('ada@example|')).toBeNull();
    expect(trigger('# Heading|')).toBeNull();
    expect(trigger('## H|')).toBeNull();
    expect(trigger('see /page#part|')).toBeNull();
    expect(trigger('@|')).toBeNull();
    expect(trigger('# |')).toBeNull();
    expect(trigger('@ ada|')).toBeNull();
    expect(trigger('`@ada|')).toBeNull();
    expect(trigger('`x` and @ada|')).toMatchObject({ kind: 'mention' });
    expect(trigger('```\ncode @ada|')).toBeNull();
    expect(trigger('```\ncode\n```\n@ada|')).toMatchObject({ kind: 'mention' });
    expect(trigger('~~~\n```\n@ada|')).toBeNull();
    expect(trigger(`@${'a'.repeat(41)}|`)).toBeNull();
  });

  it('only looks for the kinds the editor offers', () => {
    expect(findTrigger('@ada', 4, ['tag'])).toBeNull();
    expect(findTrigger('#data', 5, ['mention'])).toBeNull();
    expect(findTrigger('#data', 5, ['tag'])).toMatchObject({ kind: 'tag' });
  });

  it('knows code spans and fences', () => {
    expect(inCode('a `b', 4)).toBe(true);
    expect(inCode('a `b` c', 7)).toBe(false);
    expect(inCode('```js\nx', 7)).toBe(true);
    expect(inCode('```js\nx\n```\ny', 13)).toBe(false);
  });
});

describe('insertPick: a chosen person or tag replaces what was typed', () => {
  const id = '0190a5d2-1c3e-7b4a-9d2f-5e6a7b8c9d0e';

  it('writes a mention as the server reads it, with a space after and the caret after that', () => {
    const { value, start } = state('Thanks @Gra|');
    expect(marked(value, insertPick(value, at(value, start), mentionMarkdown('Grace Hopper', id)))).toBe(`Thanks @[Grace Hopper](mention:${id}) |`);
  });

  it('replaces the whole word and keeps one space when one follows', () => {
    const value = '@Gr ace';
    expect(marked(value, insertPick(value, at(value, 2), '#data'))).toBe('#data |ace');
    const inside = '@Grace and';
    expect(marked(inside, insertPick(inside, at(inside, 3), '@X'))).toBe('@X |and');
    const beforeLine = '@Gr\nnext';
    expect(marked(beforeLine, insertPick(beforeLine, at(beforeLine, 3), '@X'))).toBe('@X |\nnext');
  });

  it('keeps names from breaking the mention syntax', () => {
    expect(mentionMarkdown('Ada [the first]\nLovelace', id)).toBe(`@[Ada the first Lovelace](mention:${id})`);
    expect(mentionMarkdown('  ', id)).toBe(`@[someone](mention:${id})`);
  });

  it('writes tags normalised: lower case, Unicode kept, words joined by hyphens', () => {
    expect(tagMarkdown('Feature Flags')).toBe('#feature-flags');
    expect(tagMarkdown('#ÄRGER')).toBe('#ärger');
    expect(tagMarkdown('日本語 タグ')).toBe('#日本語-タグ');
  });
});

describe('toggleEmphasis: Ctrl+B and Ctrl+I', () => {
  const bold = (text: string) => {
    const s = state(text);
    return marked(s.value, toggleEmphasis(s, '**'));
  };
  const italic = (text: string) => {
    const s = state(text);
    return marked(s.value, toggleEmphasis(s, '*'));
  };

  it('wraps the selection and keeps it selected', () => {
    expect(bold('a «word» b')).toBe('a **«word»** b');
    expect(italic('a «word» b')).toBe('a *«word»* b');
  });

  it('leaves spaces at the ends of the selection outside the markers', () => {
    expect(bold('a« word »b')).toBe('a **«word»** b');
  });

  it('inserts a pair with the caret between when nothing is selected, and takes an empty pair back', () => {
    expect(bold('a |b')).toBe('a **|**b');
    expect(bold('a **|**b')).toBe('a |b');
    expect(italic('|')).toBe('*|*');
  });

  it('unwraps when the markers are just outside or inside the selection', () => {
    expect(bold('a **«word»** b')).toBe('a «word» b');
    expect(bold('a «**word**» b')).toBe('a «word» b');
    expect(italic('a *«word»* b')).toBe('a «word» b');
    expect(italic('a «*word*» b')).toBe('a «word» b');
  });

  it('tells bold and italic apart', () => {
    // Italic of bold text makes it both; bold of italic text too.
    expect(italic('a **«word»** b')).toBe('a ***«word»*** b');
    expect(bold('a *«word»* b')).toBe('a ***«word»*** b');
    expect(bold('a ***«word»*** b')).toBe('a *«word»* b');
    expect(italic('a ***«word»*** b')).toBe('a **«word»** b');
  });
});

describe('insertLink: Ctrl+K', () => {
  const link = (text: string) => {
    const s = state(text);
    return marked(s.value, insertLink(s));
  };

  it('makes the selection the text of a link and selects `url` to type over', () => {
    expect(link('see «the docs» now')).toBe('see [the docs](«url») now');
  });

  it('makes a selected address the target, the caret in the text', () => {
    expect(link('see «https://example.com/a» now')).toBe('see [|](https://example.com/a) now');
  });

  it('inserts an empty link with the caret in its text when nothing is selected', () => {
    expect(link('see | now')).toBe('see [|](url) now');
  });
});

describe('pasteAsLink: pasting an address over selected text', () => {
  const paste = (text: string, pasted: string) => {
    const s = state(text);
    const edit = pasteAsLink(s, pasted);
    return edit ? marked(s.value, edit) : null;
  };

  it('links the selection to the pasted address, the caret after the link', () => {
    expect(paste('read «the guide» first', 'https://docs.example.com/guide')).toBe('read [the guide](https://docs.example.com/guide)| first');
    expect(paste('mail «us»', ' mailto:team@example.com\n')).toBe('mail [us](mailto:team@example.com)|');
  });

  it('escapes parentheses so they cannot end the link', () => {
    expect(paste('«Ada»', 'https://en.wikipedia.org/wiki/Ada_(language)')).toBe('[Ada](https://en.wikipedia.org/wiki/Ada_%28language%29)|');
  });

  it('pastes as usual otherwise', () => {
    expect(paste('no |selection', 'https://example.com')).toBeNull();
    expect(paste('«some text»', 'not a link')).toBeNull();
    expect(paste('«some text»', 'https://a.example and more')).toBeNull();
    expect(paste('«https://old.example»', 'https://new.example')).toBeNull();
    expect(paste('«two\nlines»', 'https://example.com')).toBeNull();
    expect(paste('«text»', 'javascript:alert(1)')).toBeNull();
  });

  it('knows an address', () => {
    expect(isUrl('https://example.com/x?y=1#z')).toBe(true);
    expect(isUrl('http://localhost:3000')).toBe(true);
    expect(isUrl('example.com')).toBe(false);
    expect(isUrl('ftp://example.com')).toBe(false);
  });
});

describe('continueList: Enter inside a list', () => {
  const enter = (text: string) => {
    const s = state(text);
    const edit = continueList(s);
    return edit && marked(s.value, edit);
  };

  it('starts the next item of a bulleted list, keeping the bullet and the indent', () => {
    expect(enter('Steps:\n- first|')).toBe('Steps:\n- first\n- |');
    expect(enter('  * nested|\n')).toBe('  * nested\n  * |\n');
    expect(enter('+ plus|')).toBe('+ plus\n+ |');
  });

  it('numbers the next item of an ordered list, with the same delimiter', () => {
    expect(enter('1. one|')).toBe('1. one\n2. |');
    expect(enter('9) nine|')).toBe('9) nine\n10) |');
  });

  it('gives a task list a new unticked box, even after a ticked one', () => {
    expect(enter('- [x] done|')).toBe('- [x] done\n- [ ] |');
  });

  it('carries the text after the caret into the new item', () => {
    expect(enter('- split| here')).toBe('- split\n- | here');
  });

  it('ends the list on an empty item, leaving an empty line', () => {
    expect(enter('- first\n- |')).toBe('- first\n|');
    expect(enter('1. one\n2. |')).toBe('1. one\n|');
    expect(enter('- [ ] |')).toBe('|');
  });

  it('leaves Enter alone outside lists, before the marker, in code, or over a selection', () => {
    expect(enter('plain text|')).toBeNull();
    expect(enter('-not a list|')).toBeNull();
    expect(enter('|- before the marker')).toBeNull();
    expect(enter('```\n- inside code|')).toBeNull();
    expect(enter('- «selected»')).toBeNull();
  });
});
