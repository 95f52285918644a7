import { useLayoutEffect, useRef } from 'react';
import { Typography } from '@mantine/core';
import { nestHeadings } from './nest-headings';

/**
 * Text the server rendered from Markdown and sanitized (a post, a reply, a comment, a charter):
 * never the Markdown source, never raw input. Its headings go under the page's own (`topLevel`,
 * see nestHeadings).
 */
export function SanitizedHtml({ html, topLevel = 3 }: { html: string; topLevel?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const nested = nestHeadings(html, topLevel);
  // A task list's read-only checkboxes come without labels: each is named by its item's text.
  useLayoutEffect(() => {
    container.current?.querySelectorAll<HTMLInputElement>('li > input[type="checkbox"]').forEach((box) => {
      const text = box.parentElement?.textContent?.trim();
      if (text) box.setAttribute('aria-label', text);
    });
  }, [nested]);
  return (
    <Typography>
      <div ref={container} dangerouslySetInnerHTML={{ __html: nested }} />
    </Typography>
  );
}
