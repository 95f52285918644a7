import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { fieldError, MetricSnapshotsDocument, SaveMetricSnapshotDocument, toApiError, useAction } from '@commons/web-data-access';
import { dateTime, ErrorAlert, QueryState } from '@commons/web-ui';
import { localDay } from '../model/date-range';
import { lastMonth, monthName } from '../model/snapshots';
import { MetricsPageHeader } from '../components/metrics-page-header';
import { metricsPaths } from '../metrics-paths';
import { ColumnHeads } from '../components/column-heads';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/u;

/** Saves the programme overview of a month (last month by default); saving a month again adds a version. */
function SaveSnapshotForm() {
  const navigate = useNavigate();
  const [month, setMonth] = useState(() => lastMonth(localDay(new Date())));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [save] = useMutation(SaveMetricSnapshotDocument, { refetchQueries: [MetricSnapshotsDocument] });
  const action = useAction();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="save-snapshot-heading">
      <Stack gap="sm">
        <Title order={2} size="h5" id="save-snapshot-heading">
          Save a snapshot
        </Title>
        <Text size="sm" c="dimmed">
          Keeps the month’s headline metrics, every objective’s status and the top and bottom communities as they are now, so months can be compared later.
        </Text>
        <form
          noValidate
          aria-label="Save a snapshot"
          onSubmit={(e) => {
            e.preventDefault();
            if (!MONTH.test(month)) {
              setProblem('Choose a month.');
              return;
            }
            setProblem(null);
            void action.run(async () => {
              const { data } = await save({ variables: { input: { month, note: note.trim() || null } } });
              if (data) await navigate(metricsPaths.snapshot(data.saveMetricSnapshot.id));
            });
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput type="month" label="Month" w={180} value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={problem ?? fieldError(action.error, 'month')} />
            <TextInput label="Note (optional)" w={320} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(action.error, 'note')} />
            <Button type="submit" mt={25} loading={action.busy}>
              Save snapshot
            </Button>
          </Group>
        </form>
        {action.error && action.error.fields.length === 0 && <ErrorAlert error={action.error} />}
      </Stack>
    </Paper>
  );
}

/** The saved monthly snapshots at /programme/snapshots: save one, open one, or pick two to compare. */
export function SnapshotsPage() {
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MetricSnapshotsDocument, { fetchPolicy: 'cache-and-network' });
  const snapshots = data?.metricSnapshots.edges.map((e) => e.node) ?? [];
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  // Compare the older with the newer, whichever was picked first.
  const [older, newer] = [...picked].sort((a, b) => snapshots.findIndex((s) => s.id === b) - snapshots.findIndex((s) => s.id === a));
  return (
    <Stack gap="lg" maw={1000}>
      <MetricsPageHeader title="Monthly snapshots" />
      <SaveSnapshotForm />
      <Group justify="space-between">
        <Title order={2} size="h5">
          Saved snapshots
        </Title>
        <Button variant="light" size="sm" disabled={picked.length !== 2} onClick={() => void navigate(metricsPaths.compare(older, newer))}>
          Compare the two chosen
        </Button>
      </Group>
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()} empty={snapshots.length === 0} emptyText="No snapshot saved yet.">
        <Table striped withTableBorder captionSide="top" fz="sm">
          <Table.Caption>Saved snapshots, newest first; choose two to compare</Table.Caption>
          <ColumnHeads columns={[{ label: 'Compare' }, { label: 'Month' }, { label: 'Saved' }, { label: 'Note' }]} />
          <Table.Tbody>
            {snapshots.map((s) => {
              const name = `${monthName(s.month)}${s.version > 1 ? `, version ${s.version}` : ''}`;
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Checkbox aria-label={`Compare ${name}`} checked={picked.includes(s.id)} onChange={() => toggle(s.id)} />
                  </Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={metricsPaths.snapshot(s.id)} size="sm">
                      {name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {dateTime(s.createdAt)}
                    {s.createdByName ? ` by ${s.createdByName}` : ''}
                  </Table.Td>
                  <Table.Td>{s.note ?? ''}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Stack>
  );
}
