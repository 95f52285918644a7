import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Image, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { BlogPostDocument, isNotFound, toApiError, useReaction, type BlogPostFieldsFragment } from '@commons/web-data-access';
import { AppealButton, FlagButton } from '@commons/web-feature-moderation';
import { ModerationStateBadge, NotFound, QueryState, ReactionsBar, SanitizedHtml } from '@commons/web-ui';
import { blogPath, blogTagPath, editPath, useBlogCommunity, useViewerId } from '../blog-community';
import { Byline } from '../components/byline';
import { PostStateBadge, PostTimingText } from '../components/post-state';
import { PostTags } from '../components/post-tags';
import { Comments } from './comments';

function PostView({ post }: { post: BlogPostFieldsFragment }) {
  const viewerId = useViewerId();
  const reaction = useReaction('BlogPost', post.id, post.reactions);
  const mine = viewerId !== null && (post.author.id === viewerId || post.coAuthorIds.includes(viewerId));
  return (
    <Stack gap="lg" maw={820}>
      <Anchor component={Link} to={blogPath(post.communitySlug)} size="sm" underline="always" w="fit-content">
        {post.communityName} blog
      </Anchor>
      <Stack gap="md" component="article" aria-labelledby="post-title">
        {post.coverImageUrl?.startsWith('https://') && <Image src={post.coverImageUrl} alt="" radius="md" mah={320} fit="cover" />}
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="xs" align="center">
              <Title order={2} id="post-title">
                {post.title}
              </Title>
              <PostStateBadge post={post} />
              <ModerationStateBadge state={post.moderationState} />
            </Group>
            {post.viewerCan.edit && (
              <Button component={Link} to={editPath(post.communitySlug, post.slug)} variant="light" size="sm">
                Edit
              </Button>
            )}
          </Group>
          <Byline author={post.author} coAuthorIds={post.coAuthorIds}>
            <span data-testid="post-timing">
              <PostTimingText post={post} long />
            </span>
          </Byline>
          {post.excerpt && (
            <Text size="lg" c="dimmed">
              {post.excerpt}
            </Text>
          )}
        </Stack>
        <SanitizedHtml html={post.bodyHtml} />
        <PostTags tags={post.tags} href={(tag) => blogTagPath(post.communitySlug, tag)} />
        <ReactionsBar reactions={post.reactions} canReact={post.viewerCan.comment && !post.scheduled} onToggle={reaction.toggle} error={reaction.error} label="Reactions to this post" />
        {(mine ? post.moderationState !== 'VISIBLE' : viewerId !== null && post.state === 'PUBLISHED') && (
          <Group gap="xs">
            {mine ? <AppealButton targetKind="QUEUE_ITEM" targetId={post.id} what="the decision about your post" /> : <FlagButton contentKind="BLOG_POST" contentId={post.id} what="this post" />}
          </Group>
        )}
      </Stack>
      <Comments post={post} viewerId={viewerId} />
    </Stack>
  );
}

function PostLoader({ community, postSlug }: { community: { id: string; slug: string; name: string }; postSlug: string }) {
  const { data, loading, error, refetch } = useQuery(BlogPostDocument, { variables: { communityId: community.id, slug: postSlug } });
  const apiError = toApiError(error);
  if (isNotFound(apiError)) return <NotFound what="Post" back={{ to: blogPath(community.slug), label: `Back to the ${community.name} blog` }} />;
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {data && <PostView post={data.blogPost} />}
    </QueryState>
  );
}

/** A post at /communities/:slug/blog/:postSlug: the post, its reactions and its comments. */
export function PostPage() {
  const { slug = '', postSlug = '' } = useParams();
  const { community, loading, error, refetch } = useBlogCommunity(slug, `/${postSlug}`);
  if (isNotFound(error)) return <NotFound what="Post" back={{ to: '/blog', label: 'Back to the blog' }} />;
  return (
    <QueryState loading={loading} error={error} onRetry={() => void refetch()}>
      {community && <PostLoader key={`${community.id}/${postSlug}`} community={community} postSlug={postSlug} />}
    </QueryState>
  );
}
