import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { BlogCommentsDocument, DeleteBlogCommentDocument, toApiError, useReaction, type ApiError, type BlogCommentFieldsFragment } from '@commons/web-data-access';
import { FlagButton, ModerationStatus } from '@commons/web-feature-moderation';
import { ErrorAlert, LoadMoreButton, PersonAvatar, QueryState, ReactionsBar, SanitizedHtml, dateTime } from '@commons/web-ui';
import { nestComments } from '../comment-tree';
import { CommentBox } from './comment-box';

interface PostForComments {
  id: string;
  communityId: string;
  state: string;
  scheduled: boolean;
  viewerCan: { comment: boolean; moderate: boolean };
}

function DeleteComment({ commentId }: { commentId: string }) {
  const [remove, { loading }] = useMutation(DeleteBlogCommentDocument);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!confirming) {
    return (
      <Button size="compact-sm" variant="subtle" color="red" c="red.8" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <Group gap={6}>
      <Text size="sm">Delete this comment?</Text>
      <Button
        size="compact-sm"
        color="red.8"
        loading={loading}
        onClick={async () => {
          setError(null);
          try {
            await remove({ variables: { commentId } });
            setConfirming(false);
          } catch (caught) {
            setError(toApiError(caught));
          }
        }}
      >
        Yes, delete
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {error && <ErrorAlert error={error} />}
    </Group>
  );
}

function CommentCard({
  comment,
  post,
  viewerId,
  onReply,
}: {
  comment: BlogCommentFieldsFragment;
  post: PostForComments;
  viewerId: string | null;
  onReply?: () => void;
}) {
  const name = comment.author?.displayName ?? 'Removed';
  const reaction = useReaction('BlogComment', comment.id, comment.reactions);
  const mine = comment.author !== null && comment.author.id === viewerId;
  const canDelete = !comment.deleted && (mine || post.viewerCan.moderate);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="blog-comment">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          {comment.author && <PersonAvatar id={comment.author.id} initials={comment.author.initials} name={comment.author.displayName} size="sm" />}
          <Text size="sm" fw={500}>
            {comment.deleted ? 'Removed comment' : name}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
          </Text>
          <ModerationStatus state={comment.moderationState} mine={mine} contentId={comment.id} what="the decision about your comment" />
        </Group>
        <SanitizedHtml html={comment.bodyHtml} topLevel={4} />
        {!comment.deleted && (
          <Group gap="xs" justify="space-between">
            <ReactionsBar
              reactions={comment.reactions}
              canReact={post.viewerCan.comment}
              onToggle={reaction.toggle}
              error={reaction.error}
              label={`Reactions to ${name}’s comment`}
              size="compact-xs"
            />
            <Group gap={6}>
              {onReply && post.viewerCan.comment && (
                <Button size="compact-sm" variant="subtle" onClick={onReply} aria-label={`Reply to ${name}`}>
                  Reply
                </Button>
              )}
              {!mine && viewerId !== null && <FlagButton contentKind="BLOG_COMMENT" contentId={comment.id} what={`${name}’s comment`} />}
              {canDelete && <DeleteComment commentId={comment.id} />}
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A post's comments, with replies one level under their comment, and the box to add one. */
export function Comments({ post, viewerId }: { post: PostForComments; viewerId: string | null }) {
  // A post readers cannot see (a draft, scheduled or taken down) shows and takes no comments.
  const open = post.state === 'PUBLISHED' && !post.scheduled;
  const { data, loading, error, fetchMore, refetch } = useQuery(BlogCommentsDocument, { variables: { postId: post.id }, notifyOnNetworkStatusChange: true, skip: !open });
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const connection = data?.blogPost.comments;
  const threads = nestComments(connection?.edges.map((e) => e.node) ?? []);
  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-heading">
      <Title order={3} id="comments-heading">
        Comments
      </Title>
      {!open ? (
        <Text c="dimmed" size="sm">
          Comments open when the post is published.
        </Text>
      ) : (
        <QueryState loading={loading && !data} error={toApiError(error)} empty={threads.length === 0} emptyText="No comments yet." onRetry={() => void refetch()}>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Comments">
            {threads.map(({ comment, replies }) => {
              const authorName = comment.author?.displayName ?? 'the removed comment';
              return (
                <Stack component="li" key={comment.id} gap="xs">
                  <CommentCard comment={comment} post={post} viewerId={viewerId} onReply={() => setReplyingTo(comment.id)} />
                  {(replies.length > 0 || replyingTo === comment.id) && (
                    <Stack gap="xs" pl={{ base: 'md', sm: 'xl' }} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
                      {replies.length > 0 && (
                        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Replies to ${authorName}`}>
                          {replies.map((reply) => (
                            <li key={reply.id}>
                              <CommentCard comment={reply} post={post} viewerId={viewerId} onReply={() => setReplyingTo(comment.id)} />
                            </li>
                          ))}
                        </Stack>
                      )}
                      {replyingTo === comment.id && <CommentBox postId={post.id} communityId={post.communityId} parent={{ id: comment.id, authorName }} onDone={() => setReplyingTo(null)} />}
                    </Stack>
                  )}
                </Stack>
              );
            })}
          </Stack>
          <LoadMoreButton pageInfo={connection?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
        </QueryState>
      )}
      {open && post.viewerCan.comment && <CommentBox postId={post.id} communityId={post.communityId} />}
    </Stack>
  );
}
