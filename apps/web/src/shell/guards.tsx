import type { ReactNode } from 'react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PlatformRole } from '@commons/web-data-access';
import { useViewer } from '@commons/web-feature-account';

/** Shows its children to the given roles; others get an explanation, not a blank page. */
export function RequireRole({ roles, children }: { roles: PlatformRole[]; children: ReactNode }) {
  const { viewer } = useViewer();
  if (viewer && roles.includes(viewer.role)) return <>{children}</>;
  return (
    <Stack>
      <Title order={2}>Not available to you</Title>
      <Text c="dimmed">This area is for {roles.map((r) => r.toLowerCase()).join(' and ')} accounts.</Text>
    </Stack>
  );
}

export function NotFoundPage() {
  return (
    <Stack>
      <Title order={2}>Page not found</Title>
      <Anchor component={Link} to="/">
        Back to home
      </Anchor>
    </Stack>
  );
}
