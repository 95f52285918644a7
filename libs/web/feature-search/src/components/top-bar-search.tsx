import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { QUERY_MAX_LENGTH } from '../search-params';

/** The search box of the app's top bar: Enter opens /search?q=…. */
export function TopBarSearch() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  return (
    <form
      role="search"
      aria-label="Search Commons"
      onSubmit={(event) => {
        event.preventDefault();
        const q = query.trim();
        if (q) void navigate(`/search?${new URLSearchParams({ q })}`);
      }}
    >
      <TextInput
        type="search"
        aria-label="Search Commons"
        placeholder="Search"
        value={query}
        maxLength={QUERY_MAX_LENGTH}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={{ base: 140, sm: 260 }}
        size="sm"
      />
    </form>
  );
}
