import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { BlogFeedDocument, MyBlogCommunitiesDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, QueryState } from '@commons/web-ui';
import { blogPath, postPath } from '../blog-community';
import { PostCard } from '../components/post-card';
import { TagFilterNotice } from '../components/post-tags';

const feedTagPath = (tag: string) => `/blog?tag=${encodeURIComponent(tag)}`;

/** The blogs of the communities the viewer belongs to: where to read more, or to write. */
function MyBlogs() {
  const { data } = useQuery(MyBlogCommunitiesDocument);
  const blogs = (data?.myCommunities.edges ?? []).map((e) => e.node).filter((c) => c.useCases.includes('BLOGS'));
  if (blogs.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-blogs-heading">
      <Stack gap="xs">
        <Title order={3} size="h5" id="my-blogs-heading">
          Blogs of your communities
        </Title>
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {blogs.map((c) => (
            <li key={c.id}>
              <Anchor component={Link} to={blogPath(c.slug)} size="sm">
                {c.name}
              </Anchor>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The organisation-wide feed at /blog (?tag= narrows it): the latest posts of every community the viewer may read. */
export function FeedPage() {
  const [params] = useSearchParams();
  const tag = params.get('tag')?.trim() || null;
  const { data, loading, error, fetchMore, refetch } = useQuery(BlogFeedDocument, { variables: { tag }, notifyOnNetworkStatusChange: true });
  const edges = data?.feed.edges ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>Blog</Title>
          <Text c="dimmed" size="sm">
            The latest posts from the communities you can read.
          </Text>
        </Stack>
        <Button component={Link} to="/blog/drafts" variant="light">
          My drafts
        </Button>
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {tag && <TagFilterNotice tag={tag} clearHref="/blog" />}
          <QueryState
            loading={loading && !data}
            error={toApiError(error)}
            empty={edges.length === 0}
            emptyText={tag ? `No posts tagged #${tag} in the communities you can read.` : 'No posts yet in the communities you can read.'}
            onRetry={() => void refetch()}
          >
            <Stack component="ul" p={0} m={0} gap="md" style={{ listStyle: 'none' }} aria-label="Latest posts">
              {edges.map(({ node }) => (
                <PostCard key={node.id} post={node} href={postPath(node.communitySlug, node.slug)} showCommunity tagHref={feedTagPath} />
              ))}
            </Stack>
            <LoadMoreButton pageInfo={data?.feed.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <MyBlogs />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
