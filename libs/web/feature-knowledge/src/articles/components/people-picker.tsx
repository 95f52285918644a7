import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { CloseButton, Group, Input, Paper, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PeopleDocument } from '@commons/web-data-access';

export interface PickedPerson {
  id: string;
  displayName: string;
}

const MAX_PEOPLE = 20;

/** Chooses people by name (owners, reviewers): chips for the chosen ones, a search box to add more. */
export function PeoplePicker({ label, description, value, onChange, disabled }: { label: string; description?: string; value: PickedPerson[]; onChange: (people: PickedPerson[]) => void; disabled?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData } = useQuery(PeopleDocument, { variables: { first: 20, search: debounced || null }, skip: debounced === '' });
  const found = (data ?? previousData)?.accounts.edges.map((e) => e.node).filter((p) => !value.some((v) => v.id === p.id)) ?? [];
  return (
    <Input.Wrapper labelElement="div" label={label} description={description}>
      <Stack gap="xs" mt={4}>
        {value.length > 0 && (
          <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
            {value.map((person) => (
              <Paper component="li" key={person.id} withBorder px="xs" py={2} radius="xl">
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{person.displayName}</Text>
                  {!disabled && <CloseButton size="sm" aria-label={`Remove ${person.displayName}`} onClick={() => onChange(value.filter((v) => v.id !== person.id))} />}
                </Group>
              </Paper>
            ))}
          </Group>
        )}
        {!disabled && (
          <Select
            aria-label={`Add to ${label.toLowerCase()}`}
            placeholder={value.length >= MAX_PEOPLE ? `At most ${MAX_PEOPLE}` : 'Type a name to add someone'}
            data={found.map((p) => ({ value: p.id, label: p.displayName }))}
            value={null}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            onChange={(id) => {
              const person = found.find((p) => p.id === id);
              if (person) onChange([...value, { id: person.id, displayName: person.displayName }]);
              setSearch('');
            }}
            filter={({ options }) => options}
            nothingFoundMessage={debounced ? 'Nobody matches.' : 'Type a name.'}
            disabled={value.length >= MAX_PEOPLE}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
