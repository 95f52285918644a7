import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { AUDIENCES, COMMUNITY_LIFECYCLES, SOCIAL_INTENTS } from '@commons/shared-contracts';
import {
  CommunitiesDocument,
  toApiError,
  type Audience,
  type CommunityCardFieldsFragment,
  type CommunityFilter,
  type CommunityLifecycle,
  type MembershipFilter,
  type SocialIntent,
} from '@commons/web-data-access';
import { LoadMoreButton, QueryState, count } from '@commons/web-ui';
import { BadgeRow, IntentBadge, LifecycleBadge, RoleBadge } from '../components/community-badges';
import { useCommunityViewer } from '../community-query';
import { AUDIENCE, INTENT, LIFECYCLE, audienceList } from '../labels';
import { PendingInvitations } from './pending-invitations';

const ALL = 'ALL';
const MEMBERSHIP_OPTIONS: Array<{ value: MembershipFilter | typeof ALL; label: string }> = [
  { value: ALL, label: 'All' },
  { value: 'MEMBER', label: 'Mine' },
  { value: 'MANAGING', label: 'Managing' },
  { value: 'NOT_MEMBER', label: 'Not joined' },
];

function CommunityCard({ community }: { community: CommunityCardFieldsFragment }) {
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/communities/${community.slug}`}>
            {community.name}
          </Anchor>
        </Title>
        <BadgeRow>
          <IntentBadge intent={community.intent} />
          <LifecycleBadge lifecycle={community.lifecycle} />
          {community.viewerMembership && <RoleBadge role={community.viewerMembership.role} />}
        </BadgeRow>
        <Text size="sm" c="dimmed">
          For {audienceList(community.audiences).toLowerCase()} · {count(community.membersCount, 'member')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The community directory: filters, search by name, total count and "Load more". */
export function CommunityDirectoryPage() {
  const { audience } = useCommunityViewer();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState<{ audience: Audience | null; intent: SocialIntent | null; lifecycle: CommunityLifecycle | null; membership: MembershipFilter | null }>({
    audience: null,
    intent: null,
    lifecycle: null,
    membership: null,
  });
  const filter: CommunityFilter = { ...filters, search: debounced || null };
  const { data, loading, error, fetchMore, refetch } = useQuery(CommunitiesDocument, { variables: { filter }, notifyOnNetworkStatusChange: true });
  const edges = data?.communities.edges ?? [];
  const filtered = debounced !== '' || Object.values(filters).some((v) => v !== null);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Communities</Title>
        {audience === 'EMPLOYEE' && (
          <Button component={Link} to="/communities/new">
            New community
          </Button>
        )}
      </Group>
      <PendingInvitations />
      <Stack gap="sm" component="section" aria-label="Filters">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput label="Search by name" placeholder="Part of a name or description" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label="Audience"
            placeholder="All audiences"
            clearable
            data={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE[a].label }))}
            value={filters.audience}
            onChange={(v) => setFilters((f) => ({ ...f, audience: v as Audience | null }))}
          />
          <Select
            label="Social intent"
            placeholder="All intents"
            clearable
            data={SOCIAL_INTENTS.map((i) => ({ value: i, label: INTENT[i].label }))}
            value={filters.intent}
            onChange={(v) => setFilters((f) => ({ ...f, intent: v as SocialIntent | null }))}
          />
          <Select
            label="Lifecycle"
            placeholder="Any stage"
            clearable
            data={COMMUNITY_LIFECYCLES.map((l) => ({ value: l, label: LIFECYCLE[l].label }))}
            value={filters.lifecycle}
            onChange={(v) => setFilters((f) => ({ ...f, lifecycle: v as CommunityLifecycle | null }))}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text id="membership-filter-label" size="sm" fw={500}>
            Membership
          </Text>
          <SegmentedControl
            aria-labelledby="membership-filter-label"
            w="fit-content"
            data={MEMBERSHIP_OPTIONS}
            value={filters.membership ?? ALL}
            onChange={(v) => setFilters((f) => ({ ...f, membership: v === ALL ? null : (v as MembershipFilter) }))}
          />
        </Stack>
      </Stack>
      <QueryState
        loading={loading && !data}
        error={toApiError(error)}
        empty={edges.length === 0}
        emptyText={filtered ? 'No community matches these filters.' : 'There are no communities for you yet.'}
        onRetry={() => void refetch()}
      >
        <Text size="sm" c="dimmed" role="status" data-testid="community-count">
          {count(data?.communities.totalCount ?? 0, 'community', 'communities')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Communities">
          {edges.map(({ node }) => (
            <CommunityCard key={node.id} community={node} />
          ))}
        </SimpleGrid>
        <LoadMoreButton pageInfo={data?.communities.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
