import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ChampionsDocument, EndChampionDocument, toApiError, ViewerDocument, type ChampionFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, PersonAvatar, QueryState, date } from '@commons/web-ui';
import { NameChampionForm } from '../components/name-champion-form';
import { isProgrammeTeam } from '../expert-model';

function ChampionRow({ champion, programmeTeam }: { champion: ChampionFieldsFragment; programmeTeam: boolean }) {
  const [endChampion, { loading, error }] = useMutation(EndChampionDocument, { refetchQueries: ['Champions'] });
  const { account, community } = champion;
  const apiError = toApiError(error);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group wrap="nowrap" align="flex-start">
          <PersonAvatar id={account.id} initials={account.initials} name={account.displayName} size="sm" />
          <Stack gap={2}>
            <Anchor component={Link} to={`/people/${account.id}`} fw={600}>
              {account.displayName}
            </Anchor>
            <Text size="sm">
              Champion for{' '}
              {community ? (
                <Anchor component={Link} to={`/communities/${community.slug}`}>
                  {community.name}
                </Anchor>
              ) : (
                <>the {champion.department} department</>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              Since <time dateTime={champion.startsAt}>{date(champion.startsAt)}</time>
              {champion.endsAt && (
                <>
                  {' '}
                  · until <time dateTime={champion.endsAt}>{date(champion.endsAt)}</time>
                </>
              )}
            </Text>
            {apiError && <ErrorAlert error={apiError} />}
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {!champion.current && <Badge color="gray">Not current</Badge>}
          {programmeTeam && champion.current && (
            <Anchor component={Link} to={`/knowledge/champions/dashboard?person=${account.id}`} size="sm" aria-label={`${account.displayName}'s dashboard`}>
              Dashboard
            </Anchor>
          )}
          {programmeTeam && champion.current && (
            <Button
              size="compact-sm"
              variant="default"
              loading={loading}
              onClick={() => void endChampion({ variables: { input: { championId: champion.id } } }).catch(() => undefined)}
              aria-label={`End ${account.displayName}'s champion role`}
            >
              End role
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** The champion directory at /knowledge/champions: programme ambassadors by name; the programme team names and ends them here. */
export function ChampionsPage() {
  const viewer = useQuery(ViewerDocument).data?.viewer;
  const programmeTeam = isProgrammeTeam(viewer?.role);
  const [department, setDepartment] = useState('');
  const [debounced] = useDebouncedValue(department.trim(), 250);
  const [includePast, setIncludePast] = useState(false);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(ChampionsDocument, {
    variables: { department: debounced || null, includePast },
    notifyOnNetworkStatusChange: true,
  });
  const list = (data ?? previousData)?.champions;
  const edges = list?.edges ?? [];
  return (
    <Stack gap="md" maw={820}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Champions
          </Title>
          <Text c="dimmed" size="sm">
            Programme ambassadors for departments and communities: ask them how to get the most out of Commons.
          </Text>
        </Stack>
        <Group gap="md">
          <Anchor component={Link} to="/knowledge/experts" size="sm">
            Find an expert
          </Anchor>
          <Anchor component={Link} to="/knowledge/champions/dashboard" size="sm">
            Champion dashboard
          </Anchor>
        </Group>
      </Group>
      {programmeTeam && (
        <Paper withBorder p="lg" radius="md">
          <NameChampionForm />
        </Paper>
      )}
      <Group align="flex-end">
        <TextInput label="Filter by department" placeholder="Any department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)} />
        <Switch label="Include past roles" checked={includePast} onChange={(e) => setIncludePast(e.currentTarget.checked)} />
      </Group>
      <QueryState
        loading={loading && !list}
        error={toApiError(error)}
        empty={edges.length === 0}
        emptyText={debounced ? 'No champions for this department.' : 'No champions named yet.'}
        onRetry={() => void refetch()}
      >
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Champions">
          {edges.map(({ node }) => (
            <ChampionRow key={node.id} champion={node} programmeTeam={programmeTeam} />
          ))}
        </Stack>
        <LoadMoreButton
          pageInfo={list?.pageInfo}
          fetchMore={(after) =>
            fetchMore({
              variables: { after },
              updateQuery: (previous, { fetchMoreResult }) => ({
                champions: { ...fetchMoreResult.champions, edges: [...previous.champions.edges, ...fetchMoreResult.champions.edges] },
              }),
            })
          }
        />
      </QueryState>
    </Stack>
  );
}
