import { useQuery } from '@apollo/client/react';
import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CommunityObjectiveStatusDocument, toApiError, type ObjectiveFieldsFragment } from '@commons/web-data-access';
import { QueryState } from '@commons/web-ui';
import { formatMetricValue } from '../model/format';
import { OBJECTIVE_STATUS } from '../model/status';
import { DefinitionInfo } from './definition-info';
import { ObjectiveStatusBadge } from './objective-status-badge';
import type { Definitions } from './series-card';

/**
 * A community's objectives against their targets: each one's latest weekly value, where its
 * trend leads by the due date, and its status (from the API's projection), as of today.
 */
export function ObjectivesCard({ slug, objectives, definitions }: { slug: string; objectives: readonly ObjectiveFieldsFragment[]; definitions: Definitions }) {
  const { data, loading, error, refetch } = useQuery(CommunityObjectiveStatusDocument, { variables: { slug }, skip: objectives.length === 0, fetchPolicy: 'cache-and-network' });
  const statuses = new Map((data?.community.objectives ?? []).map((o) => [o.id, o.status]));
  return (
    <Stack gap="sm" component="section" aria-label="Objectives">
      <Title order={2} size="h4">
        Objectives
      </Title>
      {objectives.length === 0 ? (
        <Text c="dimmed" size="sm">
          This community has no objectives yet.
        </Text>
      ) : (
        <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {objectives.map((o) => {
              const definition = definitions.get(o.metricKey);
              const unit = definition?.unit ?? 'COUNT';
              const status = statuses.get(o.id) ?? null;
              const title = o.title || definition?.name || o.metricKey;
              return (
                <Paper key={o.id} withBorder radius="md" p="md" component="article" aria-label={title} className="metrics-card">
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Group gap={4} wrap="nowrap">
                        <Text fw={600} size="sm">
                          {title}
                        </Text>
                        {definition && <DefinitionInfo title={title} definitions={[definition]} />}
                      </Group>
                      <ObjectiveStatusBadge status={status?.status ?? 'UNKNOWN'} />
                    </Group>
                    <Text size="xl" fw={700}>
                      {status?.current === null || status?.current === undefined ? '—' : formatMetricValue(status.current, unit)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Baseline {formatMetricValue(o.baseline, unit)} → target {formatMetricValue(o.target, unit)} by {o.dueDate}
                      {status?.projected !== null && status?.projected !== undefined && ` · heading for ${formatMetricValue(status.projected, unit)}`}
                    </Text>
                    {status?.progress !== null && status?.progress !== undefined && (
                      <Progress
                        value={Math.max(0, Math.min(1, status.progress)) * 100}
                        color={OBJECTIVE_STATUS[status.status].colour}
                        aria-label={`${title}: the trend covers ${Math.round(Math.max(0, status.progress) * 100)}% of the way to the target`}
                      />
                    )}
                    {status && (
                      <Text size="xs">
                        {status.reason}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
        </QueryState>
      )}
    </Stack>
  );
}
