import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** What a community the viewer may not see, or that does not exist, looks like: the same. */
export function CommunityNotFound() {
  return (
    <Stack>
      <Title order={2}>Community not found</Title>
      <Text c="dimmed">It may have moved, or it is not open to you.</Text>
      <Anchor component={Link} to="/communities" underline="always">
        Back to all communities
      </Anchor>
    </Stack>
  );
}
