import { Anchor, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { BlogPostCardFieldsFragment } from '@commons/web-data-access';
import { PersonAvatar, count } from '@commons/web-ui';
import { PostStateBadge, PostTimingText } from './post-state';
import { PostTags } from './post-tags';

/**
 * A post in a list: cover, title, excerpt, author, date and comments; the community when asked;
 * its tags as links when the list can be narrowed to one (`tagHref`).
 */
export function PostCard({
  post,
  href,
  showCommunity = false,
  tagHref,
}: {
  post: BlogPostCardFieldsFragment;
  href: string;
  showCommunity?: boolean;
  tagHref?: (tag: string) => string;
}) {
  return (
    <Paper component="li" withBorder radius="md" style={{ overflow: 'hidden' }}>
      {post.coverImageUrl?.startsWith('https://') && <Image src={post.coverImageUrl} alt="" h={160} fit="cover" loading="lazy" />}
      <Stack gap={6} p="md">
        {showCommunity && (
          <Anchor component={Link} to={`/communities/${post.communitySlug}/blog`} size="sm" c="blue.8" w="fit-content">
            {post.communityName}
          </Anchor>
        )}
        <Group gap="xs" align="center">
          <Title order={3} size="h4">
            <Anchor component={Link} to={href}>
              {post.title}
            </Anchor>
          </Title>
          <PostStateBadge post={post} />
        </Group>
        {post.excerpt && <Text size="sm">{post.excerpt}</Text>}
        <Group gap="xs" wrap="nowrap">
          <PersonAvatar id={post.author.id} initials={post.author.initials} name={post.author.displayName} size="sm" />
          <Text size="sm" c="dimmed">
            {post.author.displayName} · <PostTimingText post={post} /> · {count(post.commentCount, 'comment')}
          </Text>
        </Group>
        {tagHref && <PostTags tags={post.tags} href={tagHref} size="xs" />}
      </Stack>
    </Paper>
  );
}
