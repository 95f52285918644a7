import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { COMMENT_MAX_LENGTH } from '@commons/shared-contracts';
import { CommentOnBlogPostDocument, useEditorSuggestions, useForm } from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import { MarkdownEditor } from '@commons/web-ui';
import { appendComment } from '../blog-cache';
import { commentRule } from '../validation';

/** Writes a comment, or a reply to a top-level comment; the new comment joins the list at once. */
export function CommentBox({
  postId,
  communityId,
  parent,
  onDone,
}: {
  postId: string;
  /** The post's community: whose people and tags the editor suggests. */
  communityId: string;
  /** The top-level comment answered, with its author's name for the label. */
  parent?: { id: string; authorName: string };
  onDone?: () => void;
}) {
  const [comment, { loading }] = useMutation(CommentOnBlogPostDocument);
  const form = useForm({ body: '' }, { body: commentRule });
  const suggestions = useEditorSuggestions(communityId);
  const label = parent ? `Your reply to ${parent.authorName}` : 'Add a comment';
  const [held, setHeld] = useState(false);
  return (
    <form
      noValidate
      aria-label={parent ? `Reply to ${parent.authorName}` : 'New comment'}
      onSubmit={form.submit(async ({ body }) => {
        setHeld(false);
        const { data: answer } = await comment({
          variables: { input: { postId, body, parentId: parent?.id ?? null } },
          update: (cache, { data }) => {
            if (data) appendComment(cache, postId, data.commentOnBlogPost);
          },
        });
        form.set('body', '');
        setHeld(answer !== undefined && answer !== null && answer.commentOnBlogPost.moderationState !== 'VISIBLE');
        onDone?.();
      })}
    >
      <Stack gap="xs">
        {form.generalError && <PostingErrorAlert error={form.generalError} />}
        {held && (
          <Alert color="orange" variant="light" role="status">
            Your comment is awaiting review: a moderator will look at it. Until then only you and the moderators see it.
          </Alert>
        )}
        <MarkdownEditor
          label={label}
          description="Markdown works here."
          minRows={parent ? 2 : 3}
          maxRows={12}
          maxLength={COMMENT_MAX_LENGTH}
          value={form.values.body}
          onChange={(body) => form.set('body', body)}
          error={form.error('body')}
          autoFocus={Boolean(parent)}
          submitHint={parent ? 'posts the reply' : 'posts the comment'}
          previewLevel={4}
          {...suggestions}
        />
        <Group gap="xs">
          <Button type="submit" loading={loading} size={parent ? 'xs' : 'sm'}>
            {parent ? 'Reply' : 'Comment'}
          </Button>
          {onDone && (
            <Button variant="subtle" size={parent ? 'xs' : 'sm'} onClick={onDone}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
