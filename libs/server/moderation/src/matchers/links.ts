import MarkdownIt from 'markdown-it';

// Links with a scheme ("https://…", "//…", "ftp://…") are found by linkify-it, set as the
// Markdown renderer sets it: what becomes a clickable link is a link here. Host names written
// without a scheme ("www.example.org", "evil.example", "README.md") are found by a scan for
// dotted names: a reader copies them, so a denylist catches them too; of those, only the
// "www." ones count as links for ANY/UNLISTED rules. E-mail addresses are personal data, not links.

const linkify = new MarkdownIt({ linkify: true }).linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export interface LinkHit {
  /** Lower case; internationalised names in their ASCII (punycode) form. */
  host: string;
  /** A link a reader clicks: with a scheme, or starting "www.". Bare names ("example.com", "README.md") are not explicit. */
  explicit: boolean;
  start: number;
  end: number;
  text: string;
}

export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  if (linkify.test(text)) {
    for (const m of linkify.match(text) ?? []) {
      if (m.schema.toLowerCase() === 'mailto:') continue;
      const host = hostOf(m.url);
      if (host !== null) hits.push({ host, explicit: true, start: m.index, end: m.lastIndex, text: m.raw });
    }
  }
  const linked = hits.slice();
  for (const bare of bareHostNames(text)) {
    if (linked.some((l) => bare.start < l.end && l.start < bare.end)) continue;
    hits.push(bare);
  }
  return hits.sort((a, b) => a.start - b.start);
}

const isHostChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Dotted names written without a scheme: "evil.example", "www.example.org", "cdn.files.example.net/x". Linear. */
function bareHostNames(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isHostChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    let dotted = false;
    for (let c = text.charCodeAt(i); i < text.length && isHostChar(c); c = text.charCodeAt(++i)) if (c === 46) dotted = true;
    if (!dotted) continue;
    let end = i;
    while (start < end && (text[start] === '.' || text[start] === '-')) start++;
    while (end > start && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    const name = text.slice(start, end).toLowerCase();
    if (!name.includes('.') || end - start > 253) continue;
    const labels = name.split('.');
    if (!labels.every((l) => LABEL.test(l)) || !TOP_LABEL.test(labels[labels.length - 1])) continue;
    hits.push({ host: name, explicit: name.startsWith('www.'), start, end, text: text.slice(start, end) });
  }
  return hits;
}

function hostOf(url: string): string | null {
  try {
    const host = new URL(url.startsWith('//') ? `http:${url}` : url).hostname.toLowerCase();
    return host.replace(/\.$/u, '') || null;
  } catch {
    return null;
  }
}

/**
 * A domain as a policy lists it ("Example.COM", "*.example.com", "https://example.com/path")
 * → "example.com"; null when it is not a domain name with a dot.
 */
export function normalizeDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (value.startsWith('*.')) value = value.slice(2);
  const host = hostOf(/^[a-z][a-z0-9+.-]*:\/\//u.test(value) ? value : `http://${value}`);
  if (host === null || !host.includes('.') || host.startsWith('.') || /[^a-z0-9.-]/u.test(host)) return null;
  return host;
}

/** Whether a host is one of the domains or a subdomain of one ("docs.example.com" is in "example.com"). */
export function hostIsIn(host: string, domains: ReadonlySet<string>): boolean {
  if (domains.size === 0) return false;
  let suffix = host;
  for (;;) {
    if (domains.has(suffix)) return true;
    const dot = suffix.indexOf('.');
    if (dot === -1) return false;
    suffix = suffix.slice(dot + 1);
  }
}
