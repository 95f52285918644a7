import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { MetricSnapshotDocument, toApiError, type MetricSnapshotFieldsFragment } from '@commons/web-data-access';
import { dateTime, QueryState } from '@commons/web-ui';
import { downloadCsv } from '../components/download-csv';
import { ObjectiveStatusBadge } from '../components/objective-status-badge';
import { PrintStyles } from '../components/print-styles';
import { useMetricDefinitions } from '../components/use-dashboard';
import { formatMetricValue, formatRatio, NO_VALUE } from '../model/format';
import { compareHeadlines, comparisonOfSnapshotsCsv, headlineCsv, monthName } from '../model/snapshots';
import { asUnit, LIFECYCLE_LABEL } from '../model/status';
import { metricsPaths } from '../metrics-paths';
import { ColumnHeads } from '../components/column-heads';

type Snapshot = MetricSnapshotFieldsFragment;

const title = (s: Snapshot) => `${monthName(s.month)}${s.version > 1 ? ` (version ${s.version})` : ''}`;

function Communities({ heading, rows }: { heading: string; rows: Snapshot['topCommunities'] }) {
  return (
    <Paper withBorder p="md" radius="md" className="metrics-card">
      <Table fz="sm" captionSide="top">
        <Table.Caption>{heading}</Table.Caption>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td>None</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.communityId}>
                <Table.Th scope="row" fw={400}>
                  {r.name}
                </Table.Th>
                <Table.Td ta="right">{formatRatio(r.value)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** One saved month, laid out to print: headline metrics, top and bottom communities, every objective's status. */
function SnapshotView({ snapshot }: { snapshot: Snapshot }) {
  const { definitions } = useMetricDefinitions();
  const unit = (key: string) => definitions.get(key)?.unit ?? 'COUNT';
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Monthly snapshot: {title(snapshot)}
        </Title>
        <Text size="sm" c="dimmed">
          {snapshot.from} to {snapshot.to} · saved {dateTime(snapshot.createdAt)}
          {snapshot.createdByName ? ` by ${snapshot.createdByName}` : ''} · any group of fewer than 5 people is hidden.
        </Text>
        {snapshot.note && <Text size="sm">{snapshot.note}</Text>}
      </Stack>
      <Paper withBorder p="md" radius="md" className="metrics-card">
        <Table striped fz="sm" captionSide="top">
          <Table.Caption>Headline metrics for the organisation</Table.Caption>
          <Table.Tbody>
            {snapshot.headline.map((h) => (
              <Table.Tr key={h.key}>
                <Table.Th scope="row" fw={400}>
                  {h.name}
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {h.suppressed ? 'hidden' : formatMetricValue(h.value, asUnit(h.unit))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Communities heading="Highest active members ratio" rows={snapshot.topCommunities} />
        <Communities heading="Lowest active members ratio" rows={snapshot.bottomCommunities} />
      </SimpleGrid>
      {snapshot.unrankedCommunities > 0 && (
        <Text size="xs" c="dimmed">
          {snapshot.unrankedCommunities} communities not ranked — hidden: fewer than 5 people.
        </Text>
      )}
      <Paper withBorder p="md" radius="md" className="metrics-card">
        <Table.ScrollContainer minWidth={640}>
          <Table striped fz="sm" captionSide="top">
            <Table.Caption>Objectives at the month’s end</Table.Caption>
            <ColumnHeads columns={[{ label: 'Community' }, { label: 'Objective' }, { label: 'Value', numeric: true }, { label: 'Target', numeric: true }, { label: 'Status' }]} />
            <Table.Tbody>
              {snapshot.objectives.map((o) => (
                <Table.Tr key={o.objectiveId}>
                  <Table.Th scope="row" fw={400}>
                    {o.communityName} ({LIFECYCLE_LABEL[o.lifecycle] ?? o.lifecycle})
                  </Table.Th>
                  <Table.Td>{o.title}</Table.Td>
                  <Table.Td ta="right">{formatMetricValue(o.current, unit(o.metricKey))}</Table.Td>
                  <Table.Td ta="right">{formatMetricValue(o.target, unit(o.metricKey))}</Table.Td>
                  <Table.Td>
                    <ObjectiveStatusBadge status={o.status} title={o.reason} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

function Toolbar({ children }: { children: ReactNode }) {
  return (
    <Group justify="space-between" data-print-hide>
      <Anchor component={Link} to={metricsPaths.snapshots} size="sm" underline="always">
        All snapshots
      </Anchor>
      <Group gap="xs">
        {children}
        <Button variant="default" size="sm" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
    </Group>
  );
}

/** A saved snapshot at /programme/snapshots/:id, printable, with its headline as CSV. */
export function SnapshotPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MetricSnapshotDocument, { variables: { id } });
  const snapshot = data?.metricSnapshot;
  return (
    <Stack gap="md">
      <PrintStyles />
      <Toolbar>
        {snapshot && (
          <Button variant="default" size="sm" onClick={() => downloadCsv(headlineCsv(snapshot), `commons-snapshot-${snapshot.month}-v${snapshot.version}.csv`)}>
            Download CSV
          </Button>
        )}
      </Toolbar>
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
        {snapshot && <SnapshotView snapshot={snapshot} />}
      </QueryState>
    </Stack>
  );
}

/** Two snapshots' headline metrics side by side at /programme/snapshots/compare?a=…&b=…, the change and its direction. */
export function CompareSnapshotsPage() {
  const [params] = useSearchParams();
  const [idA, idB] = [params.get('a'), params.get('b')];
  const a = useQuery(MetricSnapshotDocument, { variables: { id: idA ?? '' }, skip: !idA });
  const b = useQuery(MetricSnapshotDocument, { variables: { id: idB ?? '' }, skip: !idB });
  if (!idA || !idB) {
    return (
      <Alert color="gray" variant="light" title="Two snapshots to compare">
        Pick two saved snapshots on the{' '}
        <Anchor component={Link} to={metricsPaths.snapshots}>
          snapshots page
        </Anchor>{' '}
        to compare them.
      </Alert>
    );
  }
  const before = a.data?.metricSnapshot;
  const after = b.data?.metricSnapshot;
  const rows = before && after ? compareHeadlines(before.headline, after.headline) : [];
  return (
    <Stack gap="md">
      <PrintStyles />
      <Toolbar>
        {before && after && (
          <Button variant="default" size="sm" onClick={() => downloadCsv(comparisonOfSnapshotsCsv(before.month, after.month, rows), `commons-snapshots-${before.month}-to-${after.month}.csv`)}>
            Download CSV
          </Button>
        )}
      </Toolbar>
      <QueryState loading={(a.loading && !before) || (b.loading && !after)} error={toApiError(a.error ?? b.error)} onRetry={() => void (a.refetch(), b.refetch())}>
        {before && after && (
          <Stack gap="md">
            <Title order={1} size="h2">
              {title(before)} against {title(after)}
            </Title>
            <Paper withBorder p="md" radius="md" className="metrics-card">
              <Table striped fz="sm" captionSide="top">
                <Table.Caption>Headline metrics for the organisation</Table.Caption>
                <ColumnHeads columns={[{ label: 'Metric' }, { label: title(before), numeric: true }, { label: title(after), numeric: true }, { label: 'Change', numeric: true }]} />
                <Table.Tbody>
                  {rows.map((r) => {
                    const unit = asUnit(r.unit);
                    const change =
                      r.difference === null ? NO_VALUE : `${r.difference > 0 ? '+' : r.difference < 0 ? '−' : ''}${formatMetricValue(Math.abs(r.difference), unit === 'SCORE' ? 'AVERAGE' : unit)}`;
                    return (
                      <Table.Tr key={r.key}>
                        <Table.Th scope="row" fw={400}>
                          {r.name}
                        </Table.Th>
                        <Table.Td ta="right">{formatMetricValue(r.before, unit)}</Table.Td>
                        <Table.Td ta="right">{formatMetricValue(r.after, unit)}</Table.Td>
                        <Table.Td ta="right">
                          {change}
                          {r.better !== null && (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              ({r.better ? 'better' : 'worse'})
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
