import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { GuidelinesDocument, toApiError, ViewerDocument, type GuidelineFieldsFragment } from '@commons/web-data-access';
import { LoadMoreButton, QueryState, date } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

function Status({ guideline }: { guideline: GuidelineFieldsFragment }) {
  const [color, label] = !guideline.currentVersion
    ? ['#495057', 'Not published']
    : guideline.viewerMustAcknowledge
      ? ['#b3400c', 'Needs your acknowledgement']
      : guideline.viewerAcknowledgedAt
        ? ['#0b6e4f', 'Acknowledged']
        : [null, null];
  if (!color) return null;
  return (
    <Badge color={color} variant="outline">
      {label}
    </Badge>
  );
}

/** The guidelines the person may read, at /knowledge/guidelines. */
export function GuidelinesPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(GuidelinesDocument, { fetchPolicy: 'cache-and-network' });
  const role = useQuery(ViewerDocument).data?.viewer?.role;
  const edges = data?.guidelines.edges ?? [];
  return (
    <Stack gap="md" maw={820}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Guidelines
          </Title>
          <Text c="dimmed" size="sm">
            The rules for speaking inside and outside the company. Read them and acknowledge each new version.
          </Text>
        </Stack>
        {(role === 'COE' || role === 'ADMIN') && (
          <Button component={Link} to="/knowledge/guidelines/new" size="sm">
            New guideline
          </Button>
        )}
      </Group>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={edges.length === 0} emptyText="No guidelines yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Guidelines">
          {edges.map(({ node }) => (
            <Paper component="li" key={node.id} withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor component={Link} to={guidelinePath(node.key)} fw={600}>
                    {node.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {node.currentVersion ? `Version ${node.currentVersion.number}${node.currentVersion.publishedAt ? `, ${date(node.currentVersion.publishedAt)}` : ''}` : 'Draft only'}
                    {node.communityId ? ' · community guidelines' : ''}
                  </Text>
                </Stack>
                <Status guideline={node} />
              </Group>
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={data?.guidelines.pageInfo} fetchMore={(after) =>
            fetchMore({
              variables: { after },
              // The list has no cache merge policy: pages are joined here.
              updateQuery: (previous, { fetchMoreResult }) => ({ guidelines: { ...fetchMoreResult.guidelines, edges: [...(previous.guidelines?.edges ?? []), ...fetchMoreResult.guidelines.edges] } }),
            })
          } />
      </QueryState>
    </Stack>
  );
}
