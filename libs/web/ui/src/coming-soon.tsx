import { Paper, Stack, Text, Title } from '@mantine/core';

/** An honest placeholder for an area a later release fills. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="lg" radius="md">
        <Text fw={500}>Coming soon</Text>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </Paper>
    </Stack>
  );
}
