import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/**
 * What something the viewer may not see, or that does not exist, looks like: the same, so the
 * page does not tell which. `what` names it ("Post" → "Post not found"); `back` leads away.
 */
export function NotFound({ what, back }: { what: string; back: { to: string; label: string } }) {
  return (
    <Stack>
      <Title order={2}>{what} not found</Title>
      <Text c="dimmed">It may have moved, or it is not open to you.</Text>
      <Anchor component={Link} to={back.to} underline="always" w="fit-content">
        {back.label}
      </Anchor>
    </Stack>
  );
}

/** A community's screens (home, settings, forum, blog) when its address leads nowhere. */
export function CommunityNotFound() {
  return <NotFound what="Community" back={{ to: '/communities', label: 'Back to all communities' }} />;
}
