import { useEffect, useMemo, useState, type Ref } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorCode } from '@commons/shared-contracts';
import { ReplyToThreadDocument, ReportTypingDocument, toApiError, useForm, type ReplyFieldsFragment, type ThreadFieldsFragment } from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import type { MarkdownEditorHandle } from '@commons/web-ui';
import { ForumEditor } from '../components/forum-editor';
import { addReply } from '../forum-cache';
import { rules } from '../forum-model';
import { TypingReporter } from '../typing-reporter';
import { excerpt } from './reply-card';

/**
 * Tells the thread's readers while the person writes a reply (see TypingReporter), and that
 * they stopped when the page or the thread is left. Failed reports are ignored.
 */
function useTypingReporter(threadId: string): TypingReporter {
  const client = useApolloClient();
  const reporter = useMemo(
    () => new TypingReporter((typing) => client.mutate({ mutation: ReportTypingDocument, variables: { threadId, typing }, fetchPolicy: 'no-cache' })),
    [client, threadId],
  );
  useEffect(() => () => reporter.stopped(), [reporter]);
  return reporter;
}

/**
 * The reply form under the replies, quoting a reply when one was chosen. A refusal (a thread
 * locked meanwhile, say) shows the server's reason and refreshes the thread. While the person
 * writes, the thread's readers see that they are typing, until the reply is posted or emptied.
 */
export function ReplyBox({
  thread,
  quoting,
  onClearQuote,
  morePages,
  onRefused,
  editorRef,
}: {
  thread: ThreadFieldsFragment;
  quoting: ReplyFieldsFragment | null;
  onClearQuote: () => void;
  morePages: boolean;
  onRefused: () => void;
  editorRef: Ref<MarkdownEditorHandle>;
}) {
  const [reply, { loading }] = useMutation(ReplyToThreadDocument);
  const [posted, setPosted] = useState<string | null>(null);
  const form = useForm({ body: '' }, { body: rules.body });
  const typing = useTypingReporter(thread.id);
  const quoteName = quoting?.author?.displayName ?? 'a removed author';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reply-box-heading">
      <form
        noValidate
        onSubmit={form.submit(async (values) => {
          setPosted(null);
          typing.stopped();
          let held = false;
          try {
            const { data } = await reply({
              variables: { input: { threadId: thread.id, body: values.body, replyToId: quoting?.id ?? null } },
              update: (cache, { data }) => {
                if (data) addReply(cache, thread.id, data.replyToThread);
              },
            });
            held = data !== undefined && data !== null && data.replyToThread.moderationState !== 'VISIBLE';
          } catch (caught) {
            // The thread changed meanwhile (locked, closed, removed): show its current state too.
            if (toApiError(caught)?.code === ErrorCode.Forbidden) onRefused();
            throw caught;
          }
          form.setValues({ body: '' });
          onClearQuote();
          setPosted(
            held
              ? 'Your reply is awaiting review: a moderator will look at it. Until then only you and the moderators see it.'
              : morePages
                ? 'Your reply is posted. Load the remaining replies to see it at the end.'
                : 'Your reply is posted.',
          );
        })}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="reply-box-heading">
            Your reply
          </Title>
          {quoting && (
            <Group gap="xs" wrap="nowrap" align="flex-start" p="xs" style={{ borderLeft: '3px solid var(--mantine-color-gray-5)' }}>
              <Text size="sm" style={{ flex: 1 }}>
                Quoting {quoteName}: “{excerpt(quoting.body, 120)}”
              </Text>
              <CloseButton size="sm" aria-label="Remove the quote" onClick={onClearQuote} />
            </Group>
          )}
          {form.generalError && <PostingErrorAlert error={form.generalError} />}
          <ForumEditor
            ref={editorRef}
            communityId={thread.communityId}
            label="Reply"
            value={form.values.body}
            onChange={(v) => {
              form.set('body', v);
              typing.changed(v);
            }}
            error={form.error('body')}
            minRows={4}
            previewLevel={4}
            submitHint="posts the reply"
          />
          <Button type="submit" loading={loading} w="fit-content">
            Post reply
          </Button>
          {posted && (
            <Alert color="teal" role="status" variant="light">
              {posted}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
