import { Badge, Text } from '@mantine/core';
import type { BlogPostState } from '@commons/web-data-access';
import { date, dateTime } from '@commons/web-ui';
import { POST_STATE } from '../labels';

interface PostTiming {
  state: BlogPostState;
  scheduled: boolean;
  publishedAt: string | null;
}

/** "Scheduled for …", a state badge, or nothing for a post that is out. */
export function PostStateBadge({ post }: { post: PostTiming }) {
  if (post.scheduled) {
    return (
      <Badge variant="outline" color="grape.8">
        Scheduled
      </Badge>
    );
  }
  if (post.state === 'PUBLISHED') return null;
  return (
    <Badge variant="outline" color={POST_STATE[post.state].color}>
      {POST_STATE[post.state].label}
    </Badge>
  );
}

/** When the post appeared, or (to its authors) when it will, or that it is not out. */
export function PostTimingText({ post, long = false }: { post: PostTiming; long?: boolean }) {
  if (post.scheduled && post.publishedAt) return <Text span>Scheduled for {dateTime(post.publishedAt)}</Text>;
  if (post.state === 'DRAFT') return <Text span>Not published yet</Text>;
  if (post.state === 'UNPUBLISHED') return <Text span>Taken down</Text>;
  if (!post.publishedAt) return null;
  return (
    <Text span>
      <time dateTime={post.publishedAt}>{long ? dateTime(post.publishedAt) : date(post.publishedAt)}</time>
    </Text>
  );
}
