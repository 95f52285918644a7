// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the API compiles from its entry files, so the plugin's hand-written types are referenced here
/// <reference path="../types/markdown-it-task-lists.d.ts" />
import MarkdownIt from 'markdown-it';
import taskLists from 'markdown-it-task-lists';
import sanitizeHtml from 'sanitize-html';

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

/** Markdown in, sanitized HTML out: the only HTML the web client ever renders. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(parser.render(markdown), ALLOWED);
}
