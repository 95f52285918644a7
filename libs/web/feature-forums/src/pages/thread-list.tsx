import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ForumCategoriesDocument, ForumThreadsDocument, toApiError, useNewCommunityContent, type ThreadCardFieldsFragment } from '@commons/web-data-access';
import { LoadMoreButton, NewItemsNotice, PersonAvatar, QueryState, count, dateTime } from '@commons/web-ui';
import { ThreadBadges } from '../components/thread-badges';
import { tagPath, threadPath, type ForumCommunity } from '../forum-community';
import { isFiltered, newThreadMatches, toThreadFilter, type ForumFilters } from '../forum-model';

function ThreadRow({ thread, slug, categoryName }: { thread: ThreadCardFieldsFragment; slug: string; categoryName: string | undefined }) {
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {thread.author && <PersonAvatar id={thread.author.id} initials={thread.author.initials} name={thread.author.displayName} size="sm" />}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h5">
            <Anchor component={Link} to={threadPath(slug, thread.id)}>
              {thread.title}
            </Anchor>
          </Title>
          <ThreadBadges thread={thread} />
          <Text size="sm" c="dimmed">
            {thread.author?.displayName ?? 'Removed'}
            {categoryName ? ` · ${categoryName}` : ''} · {count(thread.replyCount, 'reply', 'replies')} · {count(thread.viewCount, 'view')} · active{' '}
            <time dateTime={thread.lastActivityAt}>{dateTime(thread.lastActivityAt)}</time>
          </Text>
          {thread.tags.length > 0 && (
            <Group gap={6} aria-label="Tags">
              {thread.tags.map((tag) => (
                <Anchor key={tag} component={Link} to={tagPath(slug, tag)} size="xs">
                  #{tag}
                </Anchor>
              ))}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** A community's threads under the chosen filters: pinned first, then by latest activity. */
export function ThreadList({ community, filters }: { community: ForumCommunity; filters: ForumFilters }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(ForumThreadsDocument, {
    variables: { communityId: community.id, filter: toThreadFilter(filters) },
    notifyOnNetworkStatusChange: true,
  });
  const categories = useQuery(ForumCategoriesDocument, { variables: { communityId: community.id } }).data?.forumCategories ?? [];
  const edges = data?.threads.edges ?? [];
  const filtered = isFiltered(filters);
  const fresh = useNewCommunityContent({
    communityId: community.id,
    kind: 'THREAD_ADDED',
    isShown: (id) => edges.some((e) => e.node.id === id),
    accepts: (event) => newThreadMatches(filters, event.categoryId ?? null),
  });
  const [showing, setShowing] = useState(false);
  const showNew = async () => {
    setShowing(true);
    try {
      // The first page again, newest activity first: the new threads are at its top.
      await refetch({ after: null });
      fresh.clear();
    } finally {
      setShowing(false);
    }
  };
  return (
    <Stack gap="sm">
      <NewItemsNotice waiting={fresh.count} one="new thread" many="new threads" missed={fresh.missed} loading={showing} onShow={() => void showNew()} />
      <QueryState
        loading={loading && !data}
        error={toApiError(error)}
        empty={edges.length === 0}
        emptyText={
          filtered
            ? 'No thread matches these filters.'
            : community.viewerCan.participate
              ? 'No threads yet. Start the first one.'
              : 'No threads yet.'
        }
        onRetry={() => void refetch()}
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Threads">
          {edges.map(({ node }) => (
            <ThreadRow key={node.id} thread={node} slug={community.slug} categoryName={categories.find((c) => c.id === node.categoryId)?.name} />
          ))}
        </Stack>
        <LoadMoreButton
          pageInfo={data?.threads.pageInfo}
          fetchMore={(after) =>
            fetchMore({
              variables: { after },
              updateQuery: (previous, { fetchMoreResult }) => ({
                threads: { ...fetchMoreResult.threads, edges: [...previous.threads.edges, ...fetchMoreResult.threads.edges] },
              }),
            })
          }
        />
      </QueryState>
    </Stack>
  );
}
