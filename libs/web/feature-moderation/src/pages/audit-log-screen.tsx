import { useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { AuditLogCsvDocument, AuditLogDocument, fieldError, toApiError, useAction, type AuditLogFilter } from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, QueryState, dateTime } from '@commons/web-ui';
import { useModerationScope } from '../moderation-scope';
import { auditFilter, checkAuditFilters, EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit-filters';

/** Saves text as a file, as if downloaded. */
export function download(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The before/after of an entry, shown on demand (JSON as text, never rendered). */
function Change({ before, after }: { before: string | null; after: string | null }) {
  const [open, setOpen] = useState(false);
  if (!before && !after) return null;
  return (
    <Stack gap={4}>
      <Button size="compact-xs" variant="subtle" w="fit-content" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide change' : 'Show change'}
      </Button>
      {open && (
        <SimpleGrid cols={2} spacing="xs">
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {before ?? '—'}
          </Code>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {after ?? '—'}
          </Code>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** Every moderation decision and change, newest first: filters, "Load more", and a CSV export of the filtered log. */
export function AuditLogScreen() {
  const scope = useModerationScope();
  const client = useApolloClient();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [problems, setProblems] = useState<Partial<Record<keyof AuditFilters, string>>>({});
  const [applied, setApplied] = useState<AuditLogFilter>(() => auditFilter(EMPTY_AUDIT_FILTERS, scope.communityId));
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(AuditLogDocument, { variables: { filter: applied }, notifyOnNetworkStatusChange: true, fetchPolicy: 'cache-and-network' });
  const exporting = useAction();
  const shown = data ?? previousData;
  const entries = shown?.auditLog.edges.map((e) => e.node) ?? [];
  const apiError = toApiError(error);
  const serverProblem = (name: keyof AuditFilters) => fieldError(apiError, `filter.${name}`) ?? fieldError(apiError, name);
  const field = (name: keyof AuditFilters) => ({
    value: draft[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [name]: value }));
      setProblems((p) => ({ ...p, [name]: undefined }));
    },
    error: problems[name] ?? serverProblem(name),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Audit log</Title>
        <Button
          variant="default"
          loading={exporting.busy}
          onClick={() =>
            void exporting.run(async () => {
              const { data: csv } = await client.query({ query: AuditLogCsvDocument, variables: { filter: applied }, fetchPolicy: 'no-cache' });
              if (csv) download(csv.auditLogCsv, 'audit-log.csv');
            })
          }
        >
          Export CSV
        </Button>
      </Group>
      {exporting.error && <ErrorAlert error={exporting.error} />}
      <Paper withBorder p="md" radius="md">
        <form
          noValidate
          aria-label="Filter the audit log"
          onSubmit={(event) => {
            event.preventDefault();
            const found = checkAuditFilters(draft);
            setProblems(found);
            if (Object.keys(found).length === 0) setApplied(auditFilter(draft, scope.communityId));
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Actor id" description="Who acted (an account id)." {...field('actorId')} />
              <TextInput label="Action" description="An action, or a family: “queue” finds queue.approve…" {...field('action')} />
              <TextInput label="Target id" description="What was acted on." {...field('targetId')} />
              <TextInput type="date" label="From" {...field('from')} />
              <TextInput type="date" label="To" {...field('to')} />
            </SimpleGrid>
            <Group gap="xs">
              <Button type="submit">Apply filters</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(EMPTY_AUDIT_FILTERS);
                  setProblems({});
                  setApplied(auditFilter(EMPTY_AUDIT_FILTERS, scope.communityId));
                }}
              >
                Clear
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <QueryState loading={loading && !shown} error={apiError} empty={entries.length === 0} emptyText="No entries match." onRetry={() => void refetch()}>
        <Table.ScrollContainer minWidth={880}>
          <Table withTableBorder striped fz="sm" aria-label="Audit log entries" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Target</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  </Table.Td>
                  <Table.Td>{entry.actor?.displayName ?? 'The policy'}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                    {entry.policyVersion !== null && (
                      <Text size="xs" c="dimmed">
                        Policy version {entry.policyVersion}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {entry.targetKind}
                    {entry.targetId && (
                      <Text size="xs" c="dimmed">
                        {entry.targetId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{entry.reason ?? '—'}</Table.Td>
                  <Table.Td>
                    <Change before={entry.before} after={entry.after} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMoreButton pageInfo={shown?.auditLog.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
