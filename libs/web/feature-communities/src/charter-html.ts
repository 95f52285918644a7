/** The charter's own headings go under the page's "Charter" heading (h3): its top level becomes h4. */
export function nestHeadings(html: string): string {
  const pattern = /<(\/?)h([1-6])(?=[\s>])/giu;
  const levels = [...html.matchAll(pattern)].map((m) => Number(m[2]));
  if (levels.length === 0) return html;
  const top = Math.min(...levels);
  return html.replace(pattern, (_, slash: string, level: string) => `<${slash}h${Math.min(6, 4 + Number(level) - top)}`);
}
