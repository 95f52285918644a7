import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
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
  const navigate = useNavigate();
  // Links within the app (mentions, #tags) open in place, as the app's own links do; others as usual.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//')) return;
    event.preventDefault();
    void navigate(href);
  };
  // A task list's read-only checkboxes come without labels: each is named by its item's text.
  useLayoutEffect(() => {
    container.current?.querySelectorAll<HTMLInputElement>('li > input[type="checkbox"]').forEach((box) => {
      const text = box.parentElement?.textContent?.trim();
      if (text) box.setAttribute('aria-label', text);
    });
  }, [nested]);
  return (
    <Typography>
      {/* Only the links inside are handled: they stay links, reached and activated by keyboard as usual. */}
      <div ref={container} onClick={onClick} dangerouslySetInnerHTML={{ __html: nested }} />
    </Typography>
  );
}
