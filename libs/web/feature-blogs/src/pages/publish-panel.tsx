import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { PublishBlogPostDocument, toApiError, UnpublishBlogPostDocument, type ApiError, type BlogPostEditFieldsFragment } from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import { dateTime } from '@commons/web-ui';
import { forgetPostLists } from '../blog-cache';
import { postPath } from '../blog-community';
import { checkSchedule, suggestedSchedule, toLocalInput } from '../schedule';
import { publishProblem } from '../validation';

type Post = BlogPostEditFieldsFragment;

function stateText(post: Post | null): string {
  if (!post) return 'Publish once the draft is saved: give it a title and start writing.';
  if (post.scheduled && post.publishedAt) return `Scheduled for ${dateTime(post.publishedAt)}. Until then only its authors and the community’s managers see it.`;
  if (post.state === 'PUBLISHED' && post.publishedAt) return `Published on ${dateTime(post.publishedAt)}.`;
  if (post.state === 'UNPUBLISHED') return 'Taken down: readers no longer see it. Publish it again when it is ready.';
  return 'A draft: only you and your co-authors see it.';
}

/** Publish now, schedule for later (a time in the future), or take a published post down. */
export function PublishPanel({
  community,
  post,
  body,
  disabled,
  flush,
  onChanged,
}: {
  community: { slug: string };
  post: Post | null;
  body: string;
  disabled: boolean;
  /** Saves what the editor holds; false when that did not work. */
  flush: () => Promise<boolean>;
  onChanged: (post: Post) => void;
}) {
  const navigate = useNavigate();
  const [publish, publishing] = useMutation(PublishBlogPostDocument);
  const [unpublish, unpublishing] = useMutation(UnpublishBlogPostDocument);
  const [when, setWhen] = useState(() => (post?.scheduled && post.publishedAt ? toLocalInput(new Date(post.publishedAt)) : suggestedSchedule()));
  const [whenError, setWhenError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = disabled || publishing.loading || unpublishing.loading;
  const live = post?.state === 'PUBLISHED' && !post.scheduled;

  const go = async (publishAt: Date | null) => {
    setProblem(null);
    setError(null);
    setWhenError(undefined);
    const missing = publishProblem({ body });
    if (missing) return setProblem(missing);
    if (!(await flush()) || !post) return setProblem('The post could not be saved as it is: see the messages above.');
    try {
      const { data } = await publish({
        variables: { input: { postId: post.id, publishAt: publishAt?.toISOString() ?? null } },
        update: forgetPostLists,
      });
      if (!data) return;
      onChanged(data.publishBlogPost);
      await navigate(postPath(community.slug, data.publishBlogPost.slug));
    } catch (caught) {
      const apiError = toApiError(caught);
      const field = apiError?.fields.find((f) => f.field === 'publishAt');
      if (field) setWhenError(field.message);
      else setError(apiError);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="publishing-heading">
      <Stack gap="sm">
        <Title order={3} id="publishing-heading">
          Publishing
        </Title>
        <Text size="sm" data-testid="publish-state">
          {stateText(post)}
        </Text>
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        {error && <PostingErrorAlert error={error} />}
        {!live && (
          <>
            <Group gap="xs">
              <Button disabled={busy || !post} loading={publishing.loading} onClick={() => void go(null)}>
                Publish now
              </Button>
            </Group>
            <Group gap="xs" align="flex-end">
              <TextInput
                type="datetime-local"
                label={post?.scheduled ? 'Move the publication to' : 'Or publish at'}
                description="Your local time; it must be in the future."
                value={when}
                onChange={(e) => {
                  setWhen(e.currentTarget.value);
                  setWhenError(undefined);
                }}
                error={whenError}
                disabled={busy || !post}
              />
              <Button
                variant="light"
                disabled={busy || !post}
                onClick={() => {
                  const checked = checkSchedule(when);
                  if ('error' in checked) setWhenError(checked.error);
                  else void go(checked.at);
                }}
              >
                Schedule
              </Button>
            </Group>
          </>
        )}
        {post?.state === 'PUBLISHED' && (
          <Group gap="xs">
            <Button
              variant="default"
              color="orange"
              disabled={busy}
              loading={unpublishing.loading}
              onClick={async () => {
                setProblem(null);
                setError(null);
                try {
                  const { data } = await unpublish({ variables: { postId: post.id }, update: forgetPostLists });
                  if (data) onChanged(data.unpublishBlogPost);
                } catch (caught) {
                  setError(toApiError(caught));
                }
              }}
            >
              Unpublish
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
