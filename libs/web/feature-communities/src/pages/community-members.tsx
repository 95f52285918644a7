import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { CommunityMembersDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, PersonAvatar, QueryState, count } from '@commons/web-ui';
import { ROLE } from '../labels';

/** Members with their roles, a page of 20 at a time. */
export function CommunityMembers({ communityId, membersCount }: { communityId: string; membersCount: number }) {
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(CommunityMembersDocument, {
    variables: { id: communityId },
    notifyOnNetworkStatusChange: true,
  });
  // While a changed list is fetched again, the previous one stays on screen.
  const shown = data ?? (previousData?.community.id === communityId ? previousData : undefined);
  const members = shown?.community.members;
  const edges = members?.edges ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="members-heading">
      <Title order={3} id="members-heading">
        Members
      </Title>
      <Text size="sm" c="dimmed">
        {count(membersCount, 'member')}
      </Text>
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={edges.length === 0} emptyText="No members yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Members">
          {edges.map(({ node }) => (
            <Group component="li" key={node.account.id} gap="sm" wrap="nowrap">
              <PersonAvatar id={node.account.id} initials={node.account.initials} name={node.account.displayName} size="sm" />
              <Text size="sm" style={{ flex: 1 }}>
                {node.account.displayName}
              </Text>
              {node.role !== 'MEMBER' && (
                <Badge variant="light" size="sm">
                  {ROLE[node.role]}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={members?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
