import { Anchor, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** A post's tags, each a link to the posts with that tag (`href`). */
export function PostTags({ tags, href, size = 'sm' }: { tags: readonly string[]; href: (tag: string) => string; size?: 'xs' | 'sm' }) {
  if (tags.length === 0) return null;
  return (
    <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Anchor component={Link} to={href(tag)} size={size} c="blue.8">
            #{tag}
          </Anchor>
        </li>
      ))}
    </Group>
  );
}

/** Above a list narrowed to a tag: which tag, and the way back to every post. */
export function TagFilterNotice({ tag, clearHref }: { tag: string; clearHref: string }) {
  return (
    <Group gap="sm" role="status">
      <Text size="sm">
        Posts tagged <strong>#{tag}</strong>
      </Text>
      <Button component={Link} to={clearHref} variant="subtle" size="compact-sm">
        Show all posts
      </Button>
    </Group>
  );
}
