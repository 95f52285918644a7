import { useQuery } from '@apollo/client/react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { KnowledgeArticleCommentsDocument, toApiError } from '@commons/web-data-access';
import { date, LoadMoreButton, QueryState, SanitizedHtml } from '@commons/web-ui';

/** Readers' comments from "was this helpful?", for the article's owners and publishers. */
export function FeedbackComments({ articleId }: { articleId: string }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(KnowledgeArticleCommentsDocument, { variables: { id: articleId }, fetchPolicy: 'cache-and-network' });
  const connection = data?.knowledgeArticle.feedbackComments;
  const comments = connection?.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="feedback-comments-heading">
      <Title order={2} size="h4" id="feedback-comments-heading">
        Readers' comments
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={comments.length === 0} emptyText="No comments yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Readers' comments">
          {comments.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" radius="md">
              <Group gap="xs">
                <Badge color={c.helpful ? 'green' : 'orange'} variant="light">
                  {c.helpful ? 'Helpful' : 'Not helpful'}
                </Badge>
                <Text size="xs" c="dimmed">
                  {c.author?.displayName ?? 'Someone'} · {date(c.createdAt)}
                </Text>
              </Group>
              <SanitizedHtml html={c.commentHtml} topLevel={4} />
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={connection?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
