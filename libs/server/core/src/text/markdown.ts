// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the API compiles from its entry files, so the plugin's hand-written types are referenced here
/// <reference path="../types/markdown-it-task-lists.d.ts" />
import MarkdownIt, { type StateCore } from 'markdown-it';
import taskLists from 'markdown-it-task-lists';
import sanitizeHtml from 'sanitize-html';
import { normalizeTag } from '@commons/shared-contracts';

// CommonMark plus tables, strikethrough, autolinks and task lists. Raw HTML is off in the
// parser and the output passes an allowlist anyway: two independent guards.
const parser = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: true }).use(taskLists, { enabled: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    ul: ['class'],
    li: ['class'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: { ul: ['contains-task-list'], li: ['task-list-item'], code: [/^language-[\w-]+$/u] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/u] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: {
    // People's links are user-generated content: no referrer, no ranking credit, no opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener ugc' }),
    // Only read-only checkboxes, whatever the input said.
    input: (_tag, attribs) => ({
      tagName: 'input',
      attribs: { type: 'checkbox', disabled: '', ...(attribs['checked'] !== undefined ? { checked: '' } : {}) },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs['type'] !== 'checkbox',
};

/** How a rendering links what it recognises in the text. */
export interface RenderOptions {
  /** Where an inline `#tag` leads (its normalised form given); without it, tags stay text. */
  tagHref?: (tag: string) => string;
}

// `#tag` at the start of a word, as the editor's tag autocomplete writes it: not an anchor (`page#part`), not `#` alone.
const INLINE_TAG = /(^|[\s([{"'“‘«>*_~])#([\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*)/gu;
// Without the global flag: `test` on INLINE_TAG would move the lastIndex that matchAll starts from.
const ANY_INLINE_TAG = new RegExp(INLINE_TAG.source, 'u');

/** Whether a text has an inline #tag worth linking (a cheap test before loading what the links need). */
export function hasInlineTags(markdown: string): boolean {
  return ANY_INLINE_TAG.test(markdown);
}

/** Turns inline #tags in plain text (not in links or code) into links to `env.tagHref`. */
function linkInlineTags(state: StateCore): void {
  const tagHref = (state.env as RenderOptions | undefined)?.tagHref;
  if (!tagHref) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: typeof block.children = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      if (token.type !== 'text' || inLink > 0 || !token.content.includes('#')) {
        children.push(token);
        continue;
      }
      let at = 0;
      for (const match of token.content.matchAll(INLINE_TAG)) {
        const tag = normalizeTag(match[2]);
        if (!tag) continue;
        const start = (match.index ?? 0) + match[1].length;
        const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
        if (start > at) children.push(text(token.content.slice(at, start)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', tagHref(tag)]];
        children.push(open, text(`#${match[2]}`), new state.Token('link_close', 'a', -1));
        at = start + 1 + match[2].length;
      }
      if (at === 0) children.push(token);
      else if (at < token.content.length) children.push(Object.assign(new state.Token('text', '', 0), { content: token.content.slice(at) }));
    }
    block.children = children;
  }
}
parser.core.ruler.push('inline_tags', linkInlineTags);

/** Markdown in, sanitized HTML out: the only HTML the web client ever renders. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return sanitizeHtml(parser.render(markdown, { ...options }), ALLOWED);
}
