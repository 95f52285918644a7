import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { defaultOptionsFilter, MultiSelect, Select, type OptionsFilter } from '@mantine/core';
import { PeopleDocument } from '@commons/web-data-access';

export interface Person {
  id: string;
  displayName: string;
}

const SEARCH_PAGE = 20;

/**
 * People matching what is typed, searched on the server (name, e-mail address or department).
 * Until the server has answered for the current text, the previous answer is narrowed by name.
 */
function usePeopleSearch() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, previousData, loading, error } = useQuery(PeopleDocument, { variables: { first: SEARCH_PAGE, search: debounced || null } });
  const shown = data ?? previousData;
  const found = (shown?.accounts.edges ?? []).map(({ node }) => ({ id: node.id, displayName: node.displayName }));
  const settled = !loading && debounced === search.trim();
  // The server already matched the text (departments and addresses too): do not filter again.
  const filter: OptionsFilter = (input) => (settled ? input.options : (defaultOptionsFilter(input) as typeof input.options));
  const nothingFound = !settled ? 'Searching…' : error ? 'People cannot be searched right now.' : 'Nobody matches.';
  return { search, setSearch, found, filter, nothingFound };
}

/** Pick several people; the chosen ones stay named while the search changes. */
export function PeopleMultiPicker({
  label,
  description,
  value,
  onChange,
  error,
  exclude,
  excludedText = 'Everyone who matches is already in the group.',
}: {
  label: string;
  description?: string;
  value: Person[];
  onChange: (people: Person[]) => void;
  error?: string;
  /** People not to offer (already in the group being added to). */
  exclude?: ReadonlySet<string>;
  /** What to say when everyone found is excluded. */
  excludedText?: string;
}) {
  const search = usePeopleSearch();
  const { setSearch, filter } = search;
  const found = exclude ? search.found.filter((p) => !exclude.has(p.id)) : search.found;
  const nothingFound = search.found.length > 0 && found.length === 0 ? excludedText : search.nothingFound;
  const known = new Map<string, Person>([...found, ...value].map((p) => [p.id, { id: p.id, displayName: p.displayName }]));
  const data = [...known.values()].map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Type a name, e-mail address or department'}
      data={data}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => known.get(id) ?? []))}
      searchable
      searchValue={search.search}
      onSearchChange={setSearch}
      filter={filter}
      nothingFoundMessage={nothingFound}
      error={error}
      hidePickedOptions
      clearable
    />
  );
}

/** Pick one person. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  error?: string;
}) {
  const { setSearch, found, filter, nothingFound } = usePeopleSearch();
  const known = new Map<string, Person>([...found, ...(value ? [value] : [])].map((p) => [p.id, { id: p.id, displayName: p.displayName }]));
  const data = [...known.values()].map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Select
      label={label}
      placeholder="Type a name"
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (known.get(id) ?? null) : null)}
      searchable
      onSearchChange={setSearch}
      filter={filter}
      nothingFoundMessage={nothingFound}
      error={error}
      clearable
    />
  );
}
