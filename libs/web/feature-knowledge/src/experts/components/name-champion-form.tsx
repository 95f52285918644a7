import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Button, Group, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { ChampionCandidatesDocument, ChampionCommunityOptionsDocument, NameChampionDocument, useForm } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { dayToIso } from '../expert-model';

/** A searchable picker whose options come from the server as the person types. */
function useSearch() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  return { search, setSearch, debounced };
}

type Values = { accountId: string; scope: 'community' | 'department'; communityId: string; department: string; startsOn: string; endsOn: string };

/** The programme team names a champion for a community or a department, from a day and optionally until one. */
export function NameChampionForm() {
  const people = useSearch();
  const places = useSearch();
  const candidates = useQuery(ChampionCandidatesDocument, { variables: { search: people.debounced }, skip: people.debounced === '' });
  const communities = useQuery(ChampionCommunityOptionsDocument, { variables: { search: places.debounced }, skip: places.debounced === '' });
  const [nameChampion, { loading }] = useMutation(NameChampionDocument, { refetchQueries: ['Champions'] });
  const [named, setNamed] = useState<string | null>(null);
  const form = useForm<Values>(
    { accountId: '', scope: 'community', communityId: '', department: '', startsOn: '', endsOn: '' },
    {
      accountId: (v) => (v ? undefined : 'Choose a person.'),
      communityId: (v, all) => (all.scope === 'community' && !v ? 'Choose a community.' : undefined),
      department: (v, all) => (all.scope === 'department' && !v.trim() ? 'Enter a department.' : undefined),
      startsOn: (v) => (v && !dayToIso(v) ? 'Enter a date.' : undefined),
      endsOn: (v, all) => (v && !dayToIso(v) ? 'Enter a date.' : v && all.startsOn && v <= all.startsOn ? 'The end must come after the start.' : undefined),
    },
  );
  const personOptions = (candidates.data ?? candidates.previousData)?.accounts.edges.map(({ node }) => ({
    value: node.id,
    label: node.department ? `${node.displayName} (${node.department})` : node.displayName,
  }));
  const communityOptions = (communities.data ?? communities.previousData)?.communities.edges.map(({ node }) => ({ value: node.id, label: node.name }));
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        setNamed(null);
        const { data } = await nameChampion({
          variables: {
            input: {
              accountId: values.accountId,
              communityId: values.scope === 'community' ? values.communityId : null,
              department: values.scope === 'department' ? values.department.trim() : null,
              startsAt: values.startsOn ? dayToIso(values.startsOn) : null,
              endsAt: values.endsOn ? dayToIso(values.endsOn) : null,
            },
          },
        });
        const champion = data?.nameChampion;
        if (champion) setNamed(`${champion.account.displayName} is now a champion for ${champion.community?.name ?? `the ${champion.department} department`}.`);
        form.setValues({ accountId: '', scope: values.scope, communityId: '', department: '', startsOn: '', endsOn: '' });
        people.setSearch('');
        places.setSearch('');
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          Name a champion
        </Title>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {named && (
          <Alert color="teal" role="status">
            {named}
          </Alert>
        )}
        <Select
          label="Person"
          placeholder="Type a name"
          required
          searchable
          data={personOptions ?? []}
          value={form.values.accountId || null}
          searchValue={people.search}
          onSearchChange={people.setSearch}
          onChange={(id) => form.set('accountId', id ?? '')}
          filter={({ options }) => options}
          nothingFoundMessage={people.debounced ? 'Nobody matches.' : 'Type a name.'}
          error={form.error('accountId')}
        />
        <SegmentedControl
          aria-label="Champion for"
          value={form.values.scope}
          onChange={(scope) => form.set('scope', scope as Values['scope'])}
          data={[
            { value: 'community', label: 'A community' },
            { value: 'department', label: 'A department' },
          ]}
          w="fit-content"
        />
        {form.values.scope === 'community' ? (
          <Select
            label="Community"
            placeholder="Type a community's name"
            required
            searchable
            data={communityOptions ?? []}
            value={form.values.communityId || null}
            searchValue={places.search}
            onSearchChange={places.setSearch}
            onChange={(id) => form.set('communityId', id ?? '')}
            filter={({ options }) => options}
            nothingFoundMessage={places.debounced ? 'No community matches.' : 'Type a name.'}
            error={form.error('communityId')}
          />
        ) : (
          <TextInput label="Department" required maxLength={100} {...form.field('department')} />
        )}
        <Group grow>
          <TextInput type="date" label="From" description="Today when left empty." {...form.field('startsOn')} />
          <TextInput type="date" label="Until" description="Open-ended when left empty." {...form.field('endsOn')} />
        </Group>
        <Button type="submit" loading={loading} w="fit-content">
          Name champion
        </Button>
      </Stack>
    </form>
  );
}
