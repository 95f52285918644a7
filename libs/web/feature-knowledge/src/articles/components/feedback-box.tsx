import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { RateKnowledgeArticleDocument, toApiError, type KnowledgeArticleFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';

/** "Was this helpful?": yes or no, with an optional comment that passes moderation. */
export function FeedbackBox({ article }: { article: KnowledgeArticleFieldsFragment }) {
  const [comment, setComment] = useState('');
  const [choice, setChoice] = useState<boolean | null>(null);
  const [rate, { loading, error }] = useMutation(RateKnowledgeArticleDocument);
  const apiError = toApiError(error);
  const mine = article.viewerFeedback;
  const send = (helpful: boolean) => {
    setChoice(helpful);
    void rate({ variables: { input: { articleId: article.id, helpful, comment: comment.trim() || null } } })
      .then(() => setComment(''))
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="feedback-heading">
      <Stack gap="xs">
        <Text id="feedback-heading" fw={600}>
          Was this helpful?
        </Text>
        <Text size="sm" c="dimmed">
          {article.helpfulCount} found it helpful, {article.notHelpfulCount} did not.
          {mine ? ` You said ${mine.helpful ? 'yes' : 'no'}${mine.commentHtml && !mine.visible ? ' (your comment waits for a moderator)' : ''}.` : ''}
        </Text>
        <Textarea label="Comment (optional)" description="Seen by the article's owners." value={comment} maxLength={2000} autosize minRows={1} onChange={(e) => setComment(e.currentTarget.value)} error={apiError?.fields.find((f) => f.field === 'comment')?.message} />
        {apiError && apiError.fields.length === 0 && <ErrorAlert error={apiError} />}
        <Group gap="xs">
          <Button variant={mine?.helpful === true ? 'filled' : 'default'} loading={loading && choice === true} onClick={() => send(true)}>
            Yes
          </Button>
          <Button variant={mine?.helpful === false ? 'filled' : 'default'} loading={loading && choice === false} onClick={() => send(false)}>
            No
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
