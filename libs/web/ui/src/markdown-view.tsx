import { Fragment, type ReactNode } from 'react';
import { Anchor, Blockquote, Code, Divider, List, Text, Title, Typography } from '@mantine/core';
import { parseMarkdown, type Block, type Inline } from './markdown-preview';

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'code':
        return <Code key={i}>{node.text}</Code>;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'del':
        return <del key={i}>{inline(node.children)}</del>;
      case 'mention':
        return (
          <Text key={i} span fw={600} c="blue.8">
            @{node.name}
          </Text>
        );
      case 'link':
        return (
          <Anchor key={i} href={node.href} rel="nofollow noopener ugc" target="_blank">
            {inline(node.children)}
          </Anchor>
        );
    }
  });
}

function block(node: Block, i: number, shift: number, topLevel: number): ReactNode {
  switch (node.type) {
    case 'heading':
      return (
        <Title key={i} order={Math.min(6, Math.max(topLevel, shift + node.level - 1)) as 3 | 4 | 5 | 6}>
          {inline(node.children)}
        </Title>
      );
    case 'paragraph':
      return <p key={i}>{inline(node.children)}</p>;
    case 'code':
      return (
        <Code key={i} block>
          {node.text}
        </Code>
      );
    case 'quote':
      return <Blockquote key={i}>{node.children.map((child, j) => block(child, j, shift, topLevel))}</Blockquote>;
    case 'list':
      return (
        <List key={i} type={node.ordered ? 'ordered' : 'unordered'} start={node.ordered ? node.start : undefined}>
          {node.items.map((item, j) => (
            <List.Item key={j}>{inline(item)}</List.Item>
          ))}
        </List>
      );
    case 'rule':
      return <Divider key={i} my="sm" />;
  }
}

/** The editor's preview: Markdown read on the client into elements (no HTML strings). */
export function MarkdownView({ markdown, topLevel }: { markdown: string; topLevel: number }) {
  const blocks = parseMarkdown(markdown);
  if (blocks.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing to preview yet.
      </Text>
    );
  }
  // Like the post once posted: its top heading level sits at `topLevel`.
  const levels = blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
  const shift = topLevel - (levels.length > 0 ? Math.min(...levels) : 1) + 1;
  return <Typography>{blocks.map((b, i) => block(b, i, shift, topLevel))}</Typography>;
}
