import type { ReactNode } from 'react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { metricsPaths } from '../metrics-paths';

/** The heading of a page under the programme dashboard: the way back to it, the title, and a line of explanation. */
export function MetricsPageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={metricsPaths.steering} size="sm" underline="always" w="fit-content">
        Programme dashboard
      </Anchor>
      <Title order={1} size="h2">
        {title}
      </Title>
      {children && (
        <Text c="dimmed" size="sm">
          {children}
        </Text>
      )}
    </Stack>
  );
}
