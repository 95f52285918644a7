import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KnowledgeArticleCardFieldsFragment } from '@commons/web-data-access';
import { date } from '@commons/web-ui';
import { articlePath, KIND_LABEL, STATE_LABEL } from '../article-paths';

/** Articles as a list of cards: title, kind, state when not simply published, and the review flag. */
export function ArticleList({ articles, label }: { articles: readonly KnowledgeArticleCardFieldsFragment[]; label: string }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {articles.map((article) => (
        <Paper component="li" key={article.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={articlePath(article.id)} fw={600}>
                {article.title || 'Untitled'}
              </Anchor>
              <Text size="sm" c="dimmed">
                {KIND_LABEL[article.kind]}
                {article.publishedAt ? ` · version ${article.publishedVersion}, ${date(article.publishedAt)}` : ' · not published yet'}
                {article.tags.length > 0 ? ` · ${article.tags.map((t) => `#${t}`).join(' ')}` : ''}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              {article.state !== 'PUBLISHED' && <Badge color={STATE_LABEL[article.state].color}>{STATE_LABEL[article.state].label}</Badge>}
              {article.reviewDue && <Badge color="orange">Review due</Badge>}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
