import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { CommunityBlogDocument, isNotFound, toApiError, useNewCommunityContent } from '@commons/web-data-access';
import { CommunityNotFound, LoadMoreButton, NewItemsNotice, QueryState } from '@commons/web-ui';
import { blogPath, blogTagPath, NoBlog, postPath, useBlogCommunity } from '../blog-community';
import { PostCard } from '../components/post-card';
import { TagFilterNotice } from '../components/post-tags';
import { BlogSettingsPanel } from './blog-settings-panel';

/** The posts of one community's blog, newest first, from /communities/:slug/blog (?tag= narrows them). */
function CommunityBlog({ community }: { community: { id: string; slug: string; name: string; viewerCan: { manage: boolean } } }) {
  const [params] = useSearchParams();
  const tag = params.get('tag')?.trim() || null;
  const { data, loading, error, fetchMore, refetch } = useQuery(CommunityBlogDocument, {
    variables: { communityId: community.id, tag },
    notifyOnNetworkStatusChange: true,
  });
  const fresh = useNewCommunityContent({
    communityId: community.id,
    kind: 'BLOG_POST_ADDED',
    isShown: (id) => (data?.blogPosts.edges ?? []).some((e) => e.node.id === id),
  });
  const [showing, setShowing] = useState(false);
  const showNew = async () => {
    setShowing(true);
    try {
      // The first page again, newest first: the new posts are at its top.
      await refetch();
      fresh.clear();
    } finally {
      setShowing(false);
    }
  };
  const apiError = toApiError(error);
  if (isNotFound(apiError)) return <CommunityNotFound />;
  const settings = data?.blogSettings;
  const edges = data?.blogPosts.edges ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/communities/${community.slug}`} size="sm" underline="always" w="fit-content">
          {community.name}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <Title order={2}>{community.name} blog</Title>
          {settings?.viewerCanWrite && (
            <Button component={Link} to={`${blogPath(community.slug)}/new`}>
              Write a post
            </Button>
          )}
        </Group>
        {settings && (
          <Text size="sm" c="dimmed">
            {settings.authors === 'MANAGERS' ? 'Written by the community’s managers.' : 'Written by its members.'}
          </Text>
        )}
      </Stack>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: community.viewerCan.manage ? 8 : 12 }}>
          {/* New posts are counted whatever their tags: the notice belongs to the whole blog. */}
          {tag ? (
            <TagFilterNotice tag={tag} clearHref={blogPath(community.slug)} />
          ) : (
            <NewItemsNotice waiting={fresh.count} one="new post" many="new posts" missed={fresh.missed} loading={showing} onShow={() => void showNew()} />
          )}
          <QueryState
            loading={loading && !data}
            error={apiError}
            empty={edges.length === 0}
            emptyText={tag ? `No posts tagged #${tag}.` : settings?.viewerCanWrite ? 'No posts yet. Write the first one.' : 'No posts yet.'}
            onRetry={() => void refetch()}
          >
            <Stack component="ul" p={0} m={0} gap="md" style={{ listStyle: 'none' }} aria-label="Posts">
              {edges.map(({ node }) => (
                <PostCard key={node.id} post={node} href={postPath(community.slug, node.slug)} tagHref={(t) => blogTagPath(community.slug, t)} />
              ))}
            </Stack>
            <LoadMoreButton pageInfo={data?.blogPosts.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
          </QueryState>
        </Grid.Col>
        {community.viewerCan.manage && settings && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <BlogSettingsPanel communityId={community.id} authors={settings.authors} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

/** A community's blog at /communities/:slug/blog. */
export function CommunityBlogPage() {
  const { slug = '' } = useParams();
  const { community, loading, error, refetch } = useBlogCommunity(slug);
  if (isNotFound(error)) return <CommunityNotFound />;
  return (
    <QueryState loading={loading} error={error} onRetry={() => void refetch()}>
      {community && (community.useCases.includes('BLOGS') ? <CommunityBlog community={community} /> : <NoBlog community={community} />)}
    </QueryState>
  );
}
