import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ForumRepliesDocument, toApiError, type ReplyFieldsFragment, type ThreadFieldsFragment } from '@commons/web-data-access';
import { LoadMoreButton, QueryState, count } from '@commons/web-ui';
import { AuthorLine } from '../components/author-line';
import type { MarkdownEditorHandle } from '@commons/web-ui';
import { PostBody } from '../components/post-body';
import type { ForumCommunity } from '../forum-community';
import { whyNoReply } from '../forum-model';
import { waitingReplies } from '../live-thread';
import { useLiveReplies } from '../use-live-replies';
import { LiveRepliesStatus } from './live-replies-status';
import { ReplyBox } from './reply-box';
import { replyAnchor, replyIdFromHash, ReplyCard } from './reply-card';
import { ThreadPresenceLine } from './thread-presence-line';

function showReply(replyId: string): void {
  const element = document.getElementById(replyAnchor(replyId));
  element?.scrollIntoView({ block: 'start' });
  element?.focus({ preventScroll: true });
}

/** The accepted answer right under the question; the reply itself stays in its place below. */
function AcceptedAnswer({ reply }: { reply: ReplyFieldsFragment }) {
  return (
    <Paper component="section" aria-labelledby="accepted-answer-heading" withBorder p="md" radius="md" style={{ borderColor: 'var(--mantine-color-teal-8)', borderWidth: 2 }}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="accepted-answer-heading" c="teal.9">
          Accepted answer
        </Title>
        <AuthorLine author={reply.author} createdAt={reply.createdAt} editedAt={reply.editedAt} verb="answered" />
        <PostBody html={reply.bodyHtml} deleted={reply.deleted} topLevel={4} />
        <Anchor component="button" type="button" size="sm" w="fit-content" onClick={() => showReply(reply.id)}>
          Show it among the replies
        </Anchor>
      </Stack>
    </Paper>
  );
}

/**
 * A thread's replies in time order, a page at a time, with the accepted answer shown first
 * and the reply box (or why there is none) at the end. Replies posted meanwhile appear live,
 * and a line under them tells who else reads the thread and who is writing a reply.
 */
export function Replies({ thread, community, onThreadStale }: { thread: ThreadFieldsFragment; community: ForumCommunity; onThreadStale: () => Promise<unknown> }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(ForumRepliesDocument, { variables: { threadId: thread.id }, notifyOnNetworkStatusChange: true });
  const [quoting, setQuoting] = useState<ReplyFieldsFragment | null>(null);
  const [findingAnswer, setFindingAnswer] = useState(false);
  const [showingNew, setShowingNew] = useState(false);
  /** A reply to bring into view once its page is on screen. */
  const reveal = useRef<string | null>(null);
  const editor = useRef<MarkdownEditorHandle>(null);
  const live = useLiveReplies({
    threadId: thread.id,
    reloadThread: onThreadStale,
    reloadEverything: () => Promise.all([onThreadStale(), refetch()]),
  });
  const replies = data?.thread.replies;
  const edges = replies?.edges ?? [];
  const accepted = thread.acceptedReplyId ? edges.find((e) => e.node.id === thread.acceptedReplyId)?.node : undefined;
  const canReact = community.viewerCan.participate;
  const waiting = replies?.pageInfo.hasNextPage ? waitingReplies(live.fresh, edges) : [];

  useEffect(() => {
    const id = reveal.current;
    if (id && edges.some((e) => e.node.id === id)) {
      reveal.current = null;
      showReply(id);
    }
  });

  const more = (after: string | null) =>
    fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        thread: {
          ...fetchMoreResult.thread,
          replies: { ...fetchMoreResult.thread.replies, edges: [...previous.thread.replies.edges, ...fetchMoreResult.thread.replies.edges] },
        },
      }),
    });

  /** Loads pages until the replies sought are all on screen, or no page is left. */
  const loadUntilShown = async (ids: readonly string[]) => {
    const sought = new Set(ids);
    let page = replies;
    while (page?.pageInfo.hasNextPage && sought.size > 0) {
      const { data: next } = await more(page.pageInfo.endCursor);
      if (!next) break;
      for (const e of next.thread.replies.edges) sought.delete(e.node.id);
      page = next.thread.replies;
    }
  };

  /** Loads pages until the accepted answer is among them (it has no query of its own). */
  const findAcceptedAnswer = async () => {
    setFindingAnswer(true);
    try {
      if (thread.acceptedReplyId) await loadUntilShown([thread.acceptedReplyId]);
    } finally {
      setFindingAnswer(false);
    }
  };

  /** Loads the new replies waiting beyond the loaded pages, and brings the first into view. */
  const showNewReplies = async () => {
    setShowingNew(true);
    // Set before loading: the reply is revealed when the page that has it is on screen.
    reveal.current = waiting[0] ?? null;
    try {
      await loadUntilShown(waiting);
    } finally {
      setShowingNew(false);
    }
  };

  // A link to one reply (a notification, a moderation notice) brings it into view, loading pages up to it.
  const { hash } = useLocation();
  const linkedReply = replyIdFromHash(hash);
  const followedLink = useRef<string | null>(null);
  const loaded = replies !== undefined;
  useEffect(() => {
    if (!linkedReply || !loaded || followedLink.current === hash) return;
    followedLink.current = hash;
    if (edges.some((e) => e.node.id === linkedReply)) {
      showReply(linkedReply);
      return;
    }
    reveal.current = linkedReply;
    void loadUntilShown([linkedReply]);
  });

  const focusEditor = () => editor.current?.focus();

  return (
    <Stack gap="lg">
      {thread.kind === 'QUESTION' && thread.acceptedReplyId && (
        accepted ? (
          <AcceptedAnswer reply={accepted} />
        ) : (
          replies?.pageInfo.hasNextPage && (
            <Group gap="sm">
              <Text size="sm">This question has an accepted answer further down.</Text>
              <Button size="compact-sm" variant="light" loading={findingAnswer} onClick={() => void findAcceptedAnswer()}>
                Show the accepted answer
              </Button>
            </Group>
          )
        )
      )}
      <Stack gap="sm" component="section" aria-labelledby="replies-heading">
        <Title order={3} id="replies-heading">
          {count(thread.replyCount, 'Reply', 'Replies')}
        </Title>
        <QueryState loading={loading && !data} error={toApiError(error)} empty={edges.length === 0} emptyText={thread.kind === 'QUESTION' ? 'No answers yet.' : 'No replies yet.'} onRetry={() => void refetch()}>
          <Stack gap="sm">
            {edges.map(({ node }) => (
              <ReplyCard
                key={node.id}
                reply={node}
                thread={thread}
                accepted={node.id === thread.acceptedReplyId}
                isNew={live.fresh.has(node.id)}
                canReact={canReact}
                onReply={() => {
                  setQuoting(null);
                  focusEditor();
                }}
                onQuote={(reply) => {
                  setQuoting(reply);
                  focusEditor();
                }}
                onReload={() => refetch()}
              />
            ))}
          </Stack>
          <LoadMoreButton pageInfo={replies?.pageInfo} fetchMore={more} label="Load more replies" />
        </QueryState>
        <LiveRepliesStatus
          waiting={waiting.length}
          latestShownBy={live.latestShown ? (live.latestShown.author?.displayName ?? 'a removed author') : null}
          loading={showingNew}
          onShow={() => void showNewReplies()}
        />
        <ThreadPresenceLine threadId={thread.id} />
      </Stack>
      {thread.viewerCan.reply ? (
        <ReplyBox
          thread={thread}
          quoting={quoting}
          onClearQuote={() => setQuoting(null)}
          morePages={Boolean(replies?.pageInfo.hasNextPage)}
          onRefused={() => void onThreadStale()}
          editorRef={editor}
        />
      ) : (
        <Text c="dimmed" data-testid="reply-refusal">
          {whyNoReply(thread, community)}
        </Text>
      )}
    </Stack>
  );
}
