import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useViewer } from '@commons/web-feature-account';

const PLACES: Array<{ to: string; title: string; text: string; roles?: readonly string[] }> = [
  { to: '/communities', title: 'Communities', text: 'Where your teams, customers and partners talk.' },
  { to: '/knowledge', title: 'Knowledge', text: 'Playbooks, guidelines and training from the Center of Excellence.' },
  { to: '/people', title: 'People', text: 'Find colleagues by name or department.' },
  { to: '/programme', title: 'Programme dashboard', text: 'Adoption, support, sentiment and objectives, for the steering committee.', roles: ['STEERING', 'ADMIN'] },
];

export function HomePage() {
  const { viewer } = useViewer();
  const firstName = viewer?.displayName.split(/\s+/u)[0] ?? '';
  return (
    <Stack>
      <Title order={1} size="h2">
        Welcome, {firstName}
      </Title>
      <Text c="dimmed">Here is where to go next.</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {PLACES.filter((place) => !place.roles || (viewer && place.roles.includes(viewer.role))).map((place) => (
          <Paper key={place.to} withBorder p="lg" radius="md">
            <Anchor component={Link} to={place.to} fw={600}>
              {place.title}
            </Anchor>
            <Text size="sm" c="dimmed" mt={4}>
              {place.text}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
