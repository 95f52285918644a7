import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { MyBlogDraftsDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, QueryState } from '@commons/web-ui';
import { editPath } from '../blog-community';
import { PostCard } from '../components/post-card';

/** "My drafts" at /blog/drafts: the viewer's drafts, scheduled and unpublished posts, latest change first. */
export function DraftsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(MyBlogDraftsDocument, { notifyOnNetworkStatusChange: true, fetchPolicy: 'cache-and-network' });
  const edges = data?.myBlogDrafts.edges ?? [];
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/blog" size="sm" underline="always" w="fit-content">
          Blog
        </Anchor>
        <Title order={2}>My drafts</Title>
        <Text c="dimmed" size="sm">
          Posts you write alone or with others that readers do not see yet: drafts, scheduled posts and posts taken down.
        </Text>
      </Stack>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={edges.length === 0} emptyText="No drafts. Start a post from a community’s blog." onRetry={() => void refetch()}>
        <Stack component="ul" p={0} m={0} gap="md" style={{ listStyle: 'none' }} aria-label="My drafts">
          {edges.map(({ node }) => (
            <PostCard key={node.id} post={node} href={editPath(node.communitySlug, node.slug)} showCommunity />
          ))}
        </Stack>
        <LoadMoreButton pageInfo={data?.myBlogDrafts.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
