/**
 * Moves the headings of server-rendered HTML under the page's own: the highest level in it
 * becomes `topLevel` (h3 under a page's h2 title, h4 under an h3 section), the levels below it
 * keep their steps, and none goes past h6. Other elements stay as they are.
 */
export function nestHeadings(html: string, topLevel: number): string {
  const pattern = /<(\/?)h([1-6])(?=[\s>])/giu;
  const levels = [...html.matchAll(pattern)].map((m) => Number(m[2]));
  if (levels.length === 0) return html;
  const top = Math.min(...levels);
  return html.replace(pattern, (_, slash: string, level: string) => `<${slash}h${Math.min(6, topLevel + Number(level) - top)}`);
}
