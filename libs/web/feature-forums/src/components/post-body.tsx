import { Text } from '@mantine/core';
import { SanitizedHtml } from '@commons/web-ui';

/** A post's text: the server's sanitized HTML (never its Markdown source), or its tombstone. */
export function PostBody({ html, deleted, topLevel }: { html: string; deleted: boolean; topLevel: number }) {
  if (deleted) {
    return (
      <Text c="dimmed" fs="italic" data-testid="tombstone">
        Removed by its author
      </Text>
    );
  }
  return <SanitizedHtml html={html} topLevel={topLevel} />;
}
