import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { SearchCommunityDocument, SearchDocument, toApiError, type SearchKind, type SearchQuery } from '@commons/web-data-access';
import { LoadMoreButton, QueryState, date } from '@commons/web-ui';
import { KIND } from '../labels';
import { hasFilters, hitHref, QUERY_MAX_LENGTH, readParams, searchProblem, toFilter, writeParams, type SearchParams } from '../search-params';

type Hit = SearchQuery['search']['edges'][number]['node'];

const ANY = 'ANY';
const KIND_OPTIONS = [{ value: ANY, label: 'Everything' }, ...(['THREAD', 'REPLY', 'BLOG_POST', 'ARTICLE'] as const).map((k) => ({ value: k, label: KIND[k].plural }))];
const ANSWERED_OPTIONS = [
  { value: ANY, label: 'Any' },
  { value: 'yes', label: 'Answered questions' },
  { value: 'no', label: 'Unanswered questions' },
];

/** A hit: its title and passages as the server highlighted them (escaped, matches in <mark>); the rest as text. */
function SearchHitCard({ hit }: { hit: Hit }) {
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="search-hit">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="outline" color={KIND[hit.kind].color}>
            {KIND[hit.kind].label}
          </Badge>
          <Text size="sm" c="dimmed">
            {hit.communityName ?? 'Center of Excellence'}
          </Text>
        </Group>
        <Title order={3} size="h5">
          <Anchor component={Link} to={hitHref(hit)}>
            {hit.kind === 'REPLY' && 'Reply in: '}
            <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
          </Anchor>
        </Title>
        {hit.snippetHtml && <Text size="sm" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />}
        <Text size="xs" c="dimmed">
          {hit.author.displayName} · <time dateTime={hit.createdAt}>{date(hit.createdAt)}</time>
        </Text>
      </Stack>
    </Paper>
  );
}

/** The community a search is narrowed to, by the id in the address; removable. */
function CommunityScope({ id, onClear }: { id: string; onClear: () => void }) {
  const { data } = useQuery(SearchCommunityDocument, { variables: { id } });
  const name = data?.community.name ?? 'one community';
  return (
    <Group gap={4}>
      <Text size="sm">
        Searching in <strong>{name}</strong> only
      </Text>
      <CloseButton size="sm" aria-label={`Search everywhere, not only in ${name}`} onClick={onClear} />
    </Group>
  );
}

function Results({ search }: { search: SearchParams }) {
  const filter = toFilter(search);
  const { data, loading, error, fetchMore, refetch } = useQuery(SearchDocument, {
    variables: { query: search.q, filter },
    notifyOnNetworkStatusChange: true,
  });
  const edges = data?.search.edges ?? [];
  const narrowed = hasFilters(search) || search.community !== null;
  return (
    <QueryState
      loading={loading && !data}
      error={toApiError(error)}
      empty={edges.length === 0}
      emptyText={`Nothing found for “${search.q}”${narrowed ? ' with these filters: try fewer filters or other words.' : '. Try other words, or fewer of them.'}`}
      onRetry={() => void refetch()}
    >
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Search results">
        {edges.map(({ node }) => (
          <SearchHitCard key={`${node.kind}:${node.id}`} hit={node} />
        ))}
      </Stack>
      <LoadMoreButton pageInfo={data?.search.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
    </QueryState>
  );
}

/** Search at /search?q=…: the query box, filters, highlighted results and "Load more". */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const search = readParams(params);
  const [typed, setTyped] = useState(search.q);
  const [typedFor, setTypedFor] = useState(search.q);
  // A new query from elsewhere (the top bar) replaces what the box holds.
  if (typedFor !== search.q) {
    setTypedFor(search.q);
    setTyped(search.q);
  }
  const [queryError, setQueryError] = useState<string | undefined>();
  const problem = searchProblem(search);
  const change = (next: Partial<SearchParams>) => setParams(writeParams({ ...search, ...next }), { replace: true });

  return (
    <Stack gap="lg">
      <Title order={2}>Search</Title>
      <form
        role="search"
        aria-label="Search the communities"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const q = typed.trim();
          if (!q || q.length > QUERY_MAX_LENGTH) return setQueryError(`Enter 1 to ${QUERY_MAX_LENGTH} characters to search for.`);
          setQueryError(undefined);
          setParams(writeParams({ ...search, q }));
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            type="search"
            label="Search for"
            description={'Words, "quoted phrases", OR, and -excluded words.'}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={queryError}
            style={{ flex: 1 }}
          />
          <Button type="submit">
            Search
          </Button>
        </Group>
      </form>
      <Stack gap="xs" component="section" aria-label="Filters">
        {search.community && <CommunityScope id={search.community} onClear={() => change({ community: null })} />}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <Select label="Kind" data={KIND_OPTIONS} value={search.kind ?? ANY} onChange={(v) => change({ kind: !v || v === ANY ? null : (v as SearchKind) })} allowDeselect={false} />
          <Select
            label="Questions"
            data={ANSWERED_OPTIONS}
            value={search.answered === null ? ANY : search.answered ? 'yes' : 'no'}
            onChange={(v) => change({ answered: v === 'yes' ? true : v === 'no' ? false : null })}
            allowDeselect={false}
          />
          <TextInput label="Tag" placeholder="Any tag" defaultValue={search.tag} key={`tag:${search.tag}`} onBlur={(e) => change({ tag: e.currentTarget.value.trim() })} onKeyDown={(e) => e.key === 'Enter' && change({ tag: e.currentTarget.value.trim() })} />
          <TextInput type="date" label="From" value={search.from} onChange={(e) => change({ from: e.currentTarget.value })} />
          <TextInput type="date" label="To" value={search.to} onChange={(e) => change({ to: e.currentTarget.value })} error={problem?.field === 'to' ? problem.message : undefined} />
        </SimpleGrid>
        {search.answered !== null && (
          <Text size="xs" c="dimmed">
            Answered or not applies to questions: blog posts and discussions are left out.
          </Text>
        )}
      </Stack>
      {!search.q ? (
        <Text c="dimmed">Type a few words to search the threads, replies and blog posts you can read.</Text>
      ) : problem ? (
        <Text c="red.8" role="alert">
          {problem.message}
        </Text>
      ) : (
        <Results search={search} />
      )}
    </Stack>
  );
}
