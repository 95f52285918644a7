import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CloseButton, Group, Input, Paper, Select, Stack, Text } from '@mantine/core';
import { BlogPersonDocument, PeopleDocument } from '@commons/web-data-access';

const MAX_CO_AUTHORS = 10;

function CoAuthorChip({ id, onRemove, disabled }: { id: string; onRemove: () => void; disabled?: boolean }) {
  const { data } = useQuery(BlogPersonDocument, { variables: { id } });
  const name = data?.account.displayName ?? 'a colleague';
  return (
    <Paper component="li" withBorder radius="xl" px="sm" py={2}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{name}</Text>
        <CloseButton size="sm" aria-label={`Remove ${name} as co-author`} onClick={onRemove} disabled={disabled} />
      </Group>
    </Paper>
  );
}

/** Co-authors edit the post with its author. Chosen by searching people; listed by name. */
export function CoAuthorsField({ value, onChange, authorId, error, disabled }: { value: string[]; onChange: (ids: string[]) => void; authorId: string | null; error?: string; disabled?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData } = useQuery(PeopleDocument, { variables: { first: 20, search: debounced || null }, skip: debounced === '' });
  const found = (data ?? previousData)?.accounts.edges.map((e) => e.node).filter((p) => p.id !== authorId && !value.includes(p.id)) ?? [];
  const full = value.length >= MAX_CO_AUTHORS;
  return (
    <Input.Wrapper labelElement="div" label="Co-authors" description="They can edit the post with you." error={error}>
      <Stack gap="xs" mt={4}>
        {value.length > 0 && (
          <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Co-authors">
            {value.map((id) => (
              <CoAuthorChip key={id} id={id} disabled={disabled} onRemove={() => onChange(value.filter((v) => v !== id))} />
            ))}
          </Group>
        )}
        <Select
          aria-label="Add a co-author"
          placeholder={full ? `At most ${MAX_CO_AUTHORS} co-authors` : 'Type a name to add a co-author'}
          data={found.map((p) => ({ value: p.id, label: p.displayName }))}
          value={null}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id) => {
            if (id && !value.includes(id)) onChange([...value, id]);
            setSearch('');
          }}
          filter={({ options }) => options}
          nothingFoundMessage={debounced ? 'Nobody matches.' : 'Type a name.'}
          disabled={disabled || full}
        />
      </Stack>
    </Input.Wrapper>
  );
}
