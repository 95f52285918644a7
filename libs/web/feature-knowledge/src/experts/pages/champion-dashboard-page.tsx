import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ChampionDashboardDocument, toApiError } from '@commons/web-data-access';
import { QueryState, date } from '@commons/web-ui';

/**
 * A champion's communities and their last 30 days at /knowledge/champions/dashboard (the
 * programme team adds ?person=<id> to look at someone's). Simple counts for now.
 */
export function ChampionDashboardPage() {
  const [params] = useSearchParams();
  const accountId = params.get('person');
  const { data, loading, error, refetch } = useQuery(ChampionDashboardDocument, { variables: { accountId } });
  const apiError = toApiError(error);
  const dashboard = data?.championDashboard;
  if (apiError?.code === 'FORBIDDEN') {
    return (
      <Stack gap="sm" maw={720}>
        <Title order={1} size="h2">
          Champion dashboard
        </Title>
        <Text>The dashboard is for champions while their role lasts, and for the programme team.</Text>
        <Anchor component={Link} to="/knowledge/champions" w="fit-content">
          See the champions
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={880}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          Champion dashboard{dashboard && accountId ? `: ${dashboard.account.displayName}` : ''}
        </Title>
        {dashboard && (
          <Text c="dimmed" size="sm">
            Activity since <time dateTime={dashboard.since}>{date(dashboard.since)}</time>
            {dashboard.roles.length > 0 &&
              ` · champion for ${dashboard.roles.map((r) => r.community?.name ?? `the ${r.department} department`).join(', ')}`}
          </Text>
        )}
      </Stack>
      <QueryState
        loading={loading && !data}
        error={apiError}
        empty={(dashboard?.communities.length ?? 0) === 0}
        emptyText="No communities to show yet."
        onRetry={() => void refetch()}
      >
        <Paper withBorder radius="md" p="sm">
          <Table striped highlightOnHover>
            <Table.Caption>Last 30 days per community</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Community</Table.Th>
                <Table.Th scope="col">Members</Table.Th>
                <Table.Th scope="col">New members</Table.Th>
                <Table.Th scope="col">Threads</Table.Th>
                <Table.Th scope="col">Replies</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dashboard?.communities.map((c) => (
                <Table.Tr key={c.communityId}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/communities/${c.slug}`}>
                      {c.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{c.members}</Table.Td>
                  <Table.Td>{c.newMembers}</Table.Td>
                  <Table.Td>{c.threads}</Table.Td>
                  <Table.Td>{c.replies}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Group>
          <Anchor component={Link} to="/knowledge/champions" size="sm">
            All champions
          </Anchor>
        </Group>
      </QueryState>
    </Stack>
  );
}
