import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BackfillRollupsDocument, fieldError, RollupRunsDocument, toApiError, useAction, type RollupStatus } from '@commons/web-data-access';
import { useViewer } from '@commons/web-feature-account';
import { dateTime, ErrorAlert, QueryState } from '@commons/web-ui';
import { addDays, checkRange, localDay } from '../model/date-range';
import { MetricsPageHeader } from '../components/metrics-page-header';
import { ColumnHeads } from '../components/column-heads';

const STATUS: Record<RollupStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray.7' },
  RUNNING: { label: 'Running', color: 'blue.8' },
  DONE: { label: 'Done', color: 'teal.9' },
  FAILED: { label: 'Failed', color: 'red.8' },
};

/** Admins roll a range of days up again (after an import or a fix); the runs table shows how it went. */
function BackfillForm({ today, onDone }: { today: string; onDone: () => void }) {
  const [range, setRange] = useState({ from: addDays(today, -6), to: today });
  const [problems, setProblems] = useState<ReturnType<typeof checkRange>>({});
  const [result, setResult] = useState<string | null>(null);
  const [backfill] = useMutation(BackfillRollupsDocument);
  const action = useAction();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="backfill-heading">
      <Stack gap="sm">
        <Title order={2} size="h5" id="backfill-heading">
          Roll up again
        </Title>
        <Text size="sm" c="dimmed">
          Recomputes the daily numbers of these days from the activity log; each day replaces its own rows, so running it twice gives the same numbers.
        </Text>
        <form
          noValidate
          aria-label="Roll up again"
          onSubmit={async (e) => {
            e.preventDefault();
            const found = checkRange(range);
            setProblems(found);
            setResult(null);
            if (Object.keys(found).length > 0) return;
            await action.run(async () => {
              const { data } = await backfill({ variables: range });
              if (data) {
                const days = data.backfillRollups.days === 1 ? '1 day' : `${data.backfillRollups.days} days`;
                setResult(data.backfillRollups.queued ? `${days} queued for the background jobs.` : `${days} rolled up.`);
              }
              onDone();
            });
          }}
        >
          <Group align="flex-start" gap="sm">
          <TextInput type="date" label="From" w={170} value={range.from} error={problems.from ?? fieldError(action.error, 'from')} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
          <TextInput type="date" label="To" w={170} value={range.to} error={problems.to ?? fieldError(action.error, 'to')} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
          <Button type="submit" mt={25} loading={action.busy}>
            Roll up
          </Button>
          </Group>
        </form>
        {result && (
          <Alert color="teal" variant="light" role="status">
            {result}
          </Alert>
        )}
        {action.error && action.error.fields.length === 0 && <ErrorAlert error={action.error} />}
      </Stack>
    </Paper>
  );
}

/** How the daily rollups of the last 30 days went, at /programme/rollups; admins may roll days up again. */
export function RollupsPage() {
  const { viewer } = useViewer();
  const [today] = useState(() => localDay(new Date()));
  const from = addDays(today, -29);
  const { data, loading, error, refetch } = useQuery(RollupRunsDocument, { variables: { from, to: today }, fetchPolicy: 'cache-and-network' });
  const runs = data?.rollupRuns ?? [];
  return (
    <Stack gap="lg" maw={1000}>
      <MetricsPageHeader title="Rollup status">
        Dashboards read daily rollups, never the raw activity log. Today and yesterday are rolled up again every hour.
      </MetricsPageHeader>
      {viewer?.role === 'ADMIN' && <BackfillForm today={today} onDone={() => void refetch()} />}
      <Group justify="space-between">
        <Title order={2} size="h5">
          The last 30 days
        </Title>
        <Button variant="default" size="compact-sm" onClick={() => void refetch()}>
          Refresh
        </Button>
      </Group>
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()} empty={runs.length === 0} emptyText="No day has been rolled up in the last 30 days.">
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>Daily rollups, newest first</Table.Caption>
            <ColumnHeads columns={[{ label: 'Day' }, { label: 'Status' }, { label: 'Requested' }, { label: 'Finished' }, { label: 'Rows', numeric: true }, { label: 'Error' }]} />
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.day}>
                  <Table.Th scope="row" fw={400}>
                    {run.day}
                  </Table.Th>
                  <Table.Td>
                    <Badge color={STATUS[run.status].color} variant="filled">
                      {STATUS[run.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{dateTime(run.requestedAt)}</Table.Td>
                  <Table.Td>{run.finishedAt ? dateTime(run.finishedAt) : '—'}</Table.Td>
                  <Table.Td ta="right">{run.rows ?? '—'}</Table.Td>
                  <Table.Td>{run.error ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
    </Stack>
  );
}
