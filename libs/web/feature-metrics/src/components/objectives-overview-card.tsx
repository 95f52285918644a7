import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ObjectivesOverviewDocument, toApiError } from '@commons/web-data-access';
import { csvFileName } from '../model/csv';
import { objectivesCsv } from '../model/exports';
import { formatMetricValue } from '../model/format';
import { LIFECYCLE_LABEL, OBJECTIVE_STATUS, STATUS_ORDER, statusByLifecycle } from '../model/status';
import { metricsPaths } from '../metrics-paths';
import { ChartCard } from './chart-card';
import { ObjectiveStatusBadge } from './objective-status-badge';
import type { Definitions } from './series-card';
import { ColumnHeads } from './column-heads';

const EXPLAINED = {
  key: 'OBJECTIVE_STATUS',
  name: 'Objective status',
  description:
    'Each objective’s weekly values are projected in a straight line (least squares) to its due date. On track: the projection meets the target. At risk: it covers at least 70% of the way from baseline to target. Off track: less. Achieved or missed once known; no data yet when there is no value.',
};

/** Every community's objectives with their status, counted by community lifecycle, as of today. */
export function ObjectivesOverviewCard({ definitions }: { definitions: Definitions }) {
  const { data, loading, error, refetch } = useQuery(ObjectivesOverviewDocument, { variables: { input: {} }, fetchPolicy: 'cache-and-network' });
  const overview = data?.objectivesOverview;
  const communities = overview?.communities ?? [];
  const rows = statusByLifecycle(communities);
  const unit = (key: string) => definitions.get(key)?.unit ?? 'COUNT';
  return (
    <ChartCard
      title="Objectives by community lifecycle"
      subtitle={overview ? `Status as of ${overview.asOf}` : undefined}
      definitions={[EXPLAINED]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={rows.length === 0}
      emptyText="No community has objectives yet."
      suppressed={false}
      csv={() => ({ text: objectivesCsv(communities), filename: csvFileName(['objectives'], overview?.asOf ?? '', overview?.asOf ?? '') })}
      chart={
        <>
          <Group gap="md">
            {(overview?.counts ?? []).map((c) => (
              <Group key={c.status} gap={4}>
                <ObjectiveStatusBadge status={c.status} />
                <Text size="sm">{c.count}</Text>
              </Group>
            ))}
          </Group>
          <div role="img" aria-label={`Objectives by status per lifecycle: ${rows.map((r) => `${r.label}: ${STATUS_ORDER.filter((s) => r[s] > 0).map((s) => `${r[s]} ${OBJECTIVE_STATUS[s].label.toLowerCase()}`).join(', ')}`).join('; ')}`}>
            <BarChart
            accessibilityLayer={false}
              h={220}
              data={rows}
              dataKey="label"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={STATUS_ORDER.map((s) => ({ name: s, label: OBJECTIVE_STATUS[s].label, color: OBJECTIVE_STATUS[s].colour }))}
            />
          </div>
        </>
      }
      table={
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>Objectives and their status</Table.Caption>
            <ColumnHeads columns={[{ label: 'Community' }, { label: 'Objective' }, { label: 'Now', numeric: true }, { label: 'Target', numeric: true }, { label: 'Due' }, { label: 'Status' }]} />
            <Table.Tbody>
              {communities.flatMap((c) =>
                c.objectives.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={metricsPaths.community(c.slug)} size="sm">
                        {c.name}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        ({LIFECYCLE_LABEL[c.lifecycle] ?? c.lifecycle})
                      </Text>
                    </Table.Th>
                    <Table.Td>{o.title}</Table.Td>
                    <Table.Td ta="right">{formatMetricValue(o.status?.current, unit(o.metricKey))}</Table.Td>
                    <Table.Td ta="right">{formatMetricValue(o.target, unit(o.metricKey))}</Table.Td>
                    <Table.Td>{o.dueDate}</Table.Td>
                    <Table.Td>
                      <ObjectiveStatusBadge status={o.status?.status ?? 'UNKNOWN'} title={o.status?.reason} />
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
