/**
 * A small Markdown reader for the editor's Preview tab: headings, paragraphs, lists, quotes,
 * code, emphasis and links. It builds a tree the preview renders as React elements, so no
 * string ever becomes HTML here; the server's sanitized HTML is what a post shows once posted.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'del'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'mention'; name: string };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'rule' };

const SAFE_LINK = /^(https?:\/\/|mailto:)/iu;

/** Links only to the schemes the server keeps (http, https, mailto); anything else stays text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

const INLINE_PATTERNS: Array<{ pattern: RegExp; make: (m: RegExpExecArray) => Inline | null }> = [
  { pattern: /`([^`]+)`/u, make: (m) => ({ type: 'code', text: m[1] }) },
  // What the server turns into a link to the person (when they may read the post).
  { pattern: /@\[([^\]]+)\]\(mention:[^)\s]+\)/u, make: (m) => ({ type: 'mention', name: m[1] }) },
  {
    pattern: /\[([^\]]+)\]\(([^)\s]+)\)/u,
    make: (m) => {
      const href = safeHref(m[2]);
      return href ? { type: 'link', href, children: parseInline(m[1]) } : null;
    },
  },
  { pattern: /\*\*(?=\S)([^]*?\S)\*\*|__(?=\S)([^]*?\S)__/u, make: (m) => ({ type: 'strong', children: parseInline(m[1] ?? m[2]) }) },
  { pattern: /~~(?=\S)([^]*?\S)~~/u, make: (m) => ({ type: 'del', children: parseInline(m[1]) }) },
  { pattern: /\*(?=\S)([^*]*?\S)\*|(?<![\p{L}\p{N}])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/u, make: (m) => ({ type: 'em', children: parseInline(m[1] ?? m[2]) }) },
  { pattern: /https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/u, make: (m) => ({ type: 'link', href: m[0], children: [{ type: 'text', text: m[0] }] }) },
];

/** Emphasis, code, strike-through and links in one line of text; the earliest match wins. */
export function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    let best: { index: number; length: number; node: Inline } | null = null;
    for (const { pattern, make } of INLINE_PATTERNS) {
      const match = pattern.exec(rest);
      if (!match || (best && match.index >= best.index)) continue;
      const node = make(match);
      if (node) best = { index: match.index, length: match[0].length, node };
    }
    if (!best) {
      pushText(result, rest);
      break;
    }
    if (best.index > 0) pushText(result, rest.slice(0, best.index));
    result.push(best.node);
    rest = rest.slice(best.index + best.length);
  }
  return result;
}

function pushText(result: Inline[], text: string): void {
  const last = result[result.length - 1];
  if (last?.type === 'text') last.text += text;
  else result.push({ type: 'text', text });
}

const FENCE = /^\s{0,3}(```|~~~)/u;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/u;
const QUOTE = /^\s{0,3}>\s?(.*)$/u;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/u;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/u;

/** The blocks of a Markdown text. */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || BULLET.test(line) || NUMBERED.test(line);
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) code.push(lines[i++]);
      i++;
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2]) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) quoted.push((QUOTE.exec(lines[i++]) as RegExpExecArray)[1]);
      blocks.push({ type: 'quote', children: parseMarkdown(quoted.join('\n')) });
      continue;
    }
    const ordered = NUMBERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const item = pattern.exec(lines[i]);
        if (item) items.push(ordered ? item[2] : item[1]);
        else if (startsBlock(lines[i])) break;
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i++;
      }
      blocks.push({ type: 'list', ordered: Boolean(ordered), start: ordered ? Number(ordered[1]) : 1, items: items.map(parseInline) });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) paragraph.push(lines[i++].trim());
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}
