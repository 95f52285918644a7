import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PeopleDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, PersonAvatar, QueryState } from '@commons/web-ui';
import { roleName } from './role-label';

const PAGE_SIZE = 20;

/** The people directory: search by name, e-mail or department, paged with "Load more". */
export function PeoplePage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, loading, error, fetchMore, refetch } = useQuery(PeopleDocument, {
    variables: { first: PAGE_SIZE, search: debounced || null },
    notifyOnNetworkStatusChange: true,
  });
  const edges = data?.accounts.edges ?? [];
  const pageInfo = data?.accounts.pageInfo;

  return (
    <Stack>
      <Title order={2}>People</Title>
      <TextInput
        label="Search people"
        placeholder="Name, e-mail address or department"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      <QueryState
        loading={loading && !data}
        error={toApiError(error)}
        empty={edges.length === 0}
        emptyText={debounced ? `Nobody matches “${debounced}”.` : 'Nobody has joined yet.'}
        onRetry={() => void refetch()}
      >
        <Stack gap="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
          {edges.map(({ node }) => (
            <Paper key={node.id} withBorder p="sm" radius="md" component="li">
              <Group>
                <PersonAvatar id={node.id} initials={node.initials} name={node.displayName} />
                <Stack gap={0} style={{ flex: 1 }}>
                  <Anchor component={Link} to={`/people/${node.id}`} fw={500} c="inherit">
                    {node.displayName}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {[node.title, node.department].filter(Boolean).join(' · ') || '—'}
                  </Text>
                </Stack>
                {node.role !== 'MEMBER' && <Badge variant="light">{roleName(node.role)}</Badge>}
              </Group>
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
