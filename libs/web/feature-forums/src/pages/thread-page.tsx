import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { AppealButton, FlagButton, useViewerId } from '@commons/web-feature-moderation';
import { FollowThreadDocument, ForumThreadDocument, isNotFound, PromoteAcceptedAnswerDocument, toApiError, useAction, useReaction, ViewerDocument, type ThreadFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, FollowToggle, NotFound, QueryState, ReactionsBar, count } from '@commons/web-ui';
import { AuthorLine } from '../components/author-line';
import { PostBody } from '../components/post-body';
import { ThreadBadges } from '../components/thread-badges';
import { setFollowing } from '../forum-cache';
import { forumPath, ForumCommunityGate, tagPath, threadPath, type ForumCommunity } from '../forum-community';
import { Replies } from './replies';
import { DeleteThreadConfirm, DuplicateForm, EditHistory, ModeratorMenu, ThreadEditForm } from './thread-actions';

/** Turns the accepted answer into a draft knowledge article (the community's managers and the programme team) and opens its editor. */
function PromoteAnswerButton({ thread, community }: { thread: ThreadFieldsFragment; community: ForumCommunity }) {
  const navigate = useNavigate();
  const role = useQuery(ViewerDocument).data?.viewer?.role;
  const [promote, { loading, error }] = useMutation(PromoteAcceptedAnswerDocument);
  if (thread.kind !== 'QUESTION' || !thread.acceptedReplyId || thread.deleted) return null;
  if (!community.viewerCan.manage && role !== 'COE' && role !== 'ADMIN') return null;
  const apiError = toApiError(error);
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        loading={loading}
        onClick={() =>
          void promote({ variables: { threadId: thread.id } })
            .then(({ data }) => data && navigate(`/knowledge/articles/${encodeURIComponent(data.promoteAcceptedAnswer.id)}/edit`))
            .catch(() => undefined)
        }
      >
        Make a knowledge article
      </Button>
      {apiError && <ErrorAlert error={apiError} />}
    </>
  );
}

function ThreadView({ thread, community, onStale }: { thread: ThreadFieldsFragment; community: ForumCommunity; onStale: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  /** Each reload the edit form asks for (after a conflict) starts the form again from the reloaded thread. */
  const [editRound, setEditRound] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [closing, setClosing] = useState(false);
  const following = useAction();
  const [follow] = useMutation(FollowThreadDocument);
  const moderation = useAction();
  const slug = community.slug;
  const canReact = community.viewerCan.participate && !thread.deleted;
  const reaction = useReaction('Thread', thread.id, thread.reactions);
  const viewerId = useViewerId();
  const mine = thread.author !== null && thread.author.id === viewerId;
  return (
    <Stack gap="lg" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to={forumPath(slug)} size="sm" underline="always" w="fit-content">
          Back to the forum of {community.name}
        </Anchor>
        {editing ? (
          <Title order={2}>Edit the thread</Title>
        ) : (
          <Title order={2} id="thread-title">
            {thread.title}
          </Title>
        )}
        <ThreadBadges thread={thread} duplicateHref={thread.duplicateOfId ? threadPath(slug, thread.duplicateOfId) : undefined} />
      </Stack>

      {thread.duplicateOfId && (
        <Alert color="gray" title="Closed as a duplicate" variant="light">
          <Text size="sm">
            This thread asks what another thread already covers; replies continue there.{' '}
            <Anchor component={Link} to={threadPath(slug, thread.duplicateOfId)} underline="always" inherit>
              Go to the original thread
            </Anchor>
          </Text>
        </Alert>
      )}
      {thread.locked && !thread.duplicateOfId && (
        <Text size="sm" c="dimmed">
          This thread is locked: no new replies.
        </Text>
      )}

      <Paper component="article" aria-labelledby={editing ? undefined : 'thread-title'} aria-label={editing ? 'The thread' : undefined} withBorder p="md" radius="md">
        {editing ? (
          <ThreadEditForm
            key={editRound}
            thread={thread}
            onDone={() => setEditing(false)}
            onReload={async () => {
              await onStale();
              setEditRound((n) => n + 1);
            }}
          />
        ) : (
          <Stack gap="md">
            <Group justify="space-between" gap="xs">
              <AuthorLine author={thread.author} createdAt={thread.createdAt} editedAt={thread.editedAt} verb={thread.kind === 'QUESTION' ? 'asked' : 'started'} />
              <Text size="sm" c="dimmed">
                {count(thread.viewCount, 'view')}
              </Text>
            </Group>
            <PostBody html={thread.bodyHtml} deleted={thread.deleted} topLevel={3} />
            {thread.tags.length > 0 && (
              <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tags">
                {thread.tags.map((tag) => (
                  <li key={tag}>
                    <Anchor component={Link} to={tagPath(slug, tag)} size="sm">
                      #{tag}
                    </Anchor>
                  </li>
                ))}
              </Group>
            )}
            {!thread.deleted && <ReactionsBar reactions={thread.reactions} canReact={canReact} onToggle={reaction.toggle} error={reaction.error} label="Reactions to the thread" />}
            <Group gap="xs">
              <FollowToggle
                label="Follow thread"
                following={thread.viewerFollows}
                busy={following.busy}
                onToggle={(on) =>
                  void following.run(() =>
                    follow({
                      variables: { threadId: thread.id, follow: on },
                      update: (cache, { data }) => {
                        if (data) setFollowing(cache, thread.id, data.followThread);
                      },
                    }),
                  )
                }
              />
              {thread.viewerCan.edit && (
                <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
              {thread.viewerCan.delete && !deleting && (
                <Button size="compact-sm" variant="default" color="red.9" onClick={() => setDeleting(true)}>
                  Delete
                </Button>
              )}
              {mine && thread.moderationState !== 'VISIBLE' && <AppealButton targetKind="QUEUE_ITEM" targetId={thread.id} what="the decision about your thread" />}
              {!mine && !thread.deleted && viewerId && <FlagButton contentKind="FORUM_THREAD" contentId={thread.id} what="this thread" />}
              <PromoteAnswerButton thread={thread} community={community} />
              {thread.viewerCan.moderate && <ModeratorMenu thread={thread} run={moderation.run} busy={moderation.busy} onCloseAsDuplicate={() => setClosing(true)} />}
            </Group>
            {following.error && <ErrorAlert error={following.error} />}
            {moderation.error && <ErrorAlert error={moderation.error} />}
            {closing && <DuplicateForm thread={thread} onDone={() => setClosing(false)} />}
            {deleting && <DeleteThreadConfirm thread={thread} onDone={() => setDeleting(false)} />}
            {thread.viewerCan.moderate && <EditHistory target={{ kind: 'thread', id: thread.id }} />}
          </Stack>
        )}
      </Paper>

      <Replies thread={thread} community={community} onThreadStale={onStale} />
    </Stack>
  );
}

function ThreadScreen({ community, threadId }: { community: ForumCommunity; threadId: string }) {
  const { data, loading, error, refetch } = useQuery(ForumThreadDocument, { variables: { id: threadId } });
  const apiError = toApiError(error);
  const thread = data?.thread;
  // A thread of another community is not found here (its own forum has it).
  if (isNotFound(apiError) || (thread && thread.communityId !== community.id)) return <NotFound what="Thread" back={{ to: forumPath(community.slug), label: 'Back to the forum' }} />;
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {thread && <ThreadView thread={thread} community={community} onStale={() => refetch()} />}
    </QueryState>
  );
}

/** A thread at /communities/:slug/forum/threads/:id: the post, its accepted answer and replies. */
export function ThreadPage() {
  const { slug = '', id = '' } = useParams();
  return (
    <ForumCommunityGate slug={slug} suffix={`/forum/threads/${id}`}>
      {(community) => <ThreadScreen key={id} community={community} threadId={id} />}
    </ForumCommunityGate>
  );
}
