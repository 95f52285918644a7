import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isNotFound, PersonDocument, toApiError, type Audience } from '@commons/web-data-access';
import { NotFound, PersonAvatar, QueryState, date } from '@commons/web-ui';
import { roleName } from './role-label';
import { ExpertiseView } from '../expertise/expertise-section';

const AUDIENCE: Record<Audience, string> = { EMPLOYEE: 'Employee', CUSTOMER: 'Customer', PARTNER: 'Partner' };

/** A person's page at /people/:id, where @mentions and names link. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PersonDocument, { variables: { id } });
  const apiError = toApiError(error);
  // Someone the viewer may not see is told apart from nobody: both are "not found".
  if (isNotFound(apiError) || apiError?.code === 'BAD_USER_INPUT') return <NotFound what="Person" back={{ to: '/people', label: 'Back to people' }} />;
  const person = data?.account;
  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to="/people" size="sm" underline="always" w="fit-content">
        Back to people
      </Anchor>
      <QueryState loading={loading && !data} error={apiError} empty={false} onRetry={() => void refetch()}>
        {person && (
          <Paper withBorder p="lg" radius="md">
            <Group align="flex-start" gap="lg">
              <PersonAvatar id={person.id} initials={person.initials} name={person.displayName} size="lg" />
              <Stack gap={4} style={{ flex: 1 }}>
                <Title order={2}>{person.displayName}</Title>
                <Text c="dimmed">{[person.title, person.department].filter(Boolean).join(' · ') || '—'}</Text>
                <Group gap="xs" mt="xs">
                  <Badge variant="outline" color="gray.8">
                    {AUDIENCE[person.audience]}
                  </Badge>
                  {person.role !== 'MEMBER' && <Badge variant="light">{roleName(person.role)}</Badge>}
                </Group>
                <Text size="sm" c="dimmed" mt="xs">
                  On Commons since <time dateTime={person.createdAt}>{date(person.createdAt)}</time>
                </Text>
              </Stack>
            </Group>
            <Stack mt="md">
              <ExpertiseView accountId={person.id} />
            </Stack>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
