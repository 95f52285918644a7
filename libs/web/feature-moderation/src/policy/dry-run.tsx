import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DRY_RUN_MAX_DAYS } from '@commons/shared-contracts';
import { ModerationDryRunDocument, StartModerationDryRunDocument, fieldError, toApiError, useAction, type ModerationPolicyFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, QueryState, count, dateTime } from '@commons/web-ui';
import { CONTENT_KIND, RULE_ACTION, TONE } from '../labels';

/** How far a dry run is: processed of total, as a bar with its numbers in words. */
export function dryRunProgress(processed: number, total: number): number {
  if (total <= 0) return processed > 0 ? 100 : 0;
  return Math.min(100, Math.round((processed / total) * 100));
}

function DryRunReport({ runId }: { runId: string }) {
  // Asked again every second while it runs; the answer says when it is done.
  const [polling, setPolling] = useState(true);
  const { data, loading, error, refetch } = useQuery(ModerationDryRunDocument, { variables: { id: runId }, pollInterval: polling ? 1000 : 0, notifyOnNetworkStatusChange: false });
  const run = data?.moderationDryRun;
  if (run && run.status !== 'RUNNING' && polling) setPolling(false);
  const percent = run ? dryRunProgress(run.processed, run.total) : 0;
  return (
    <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
      {run && (
        <Stack gap="sm" data-testid="dry-run-report">
          <Text size="sm" fw={600}>
            Version {run.version} against the last {count(run.days, 'day')}
          </Text>
          {run.status === 'RUNNING' && (
            <Stack gap={4}>
              <Progress value={percent} aria-label="Dry run progress" animated />
              <Text size="sm" role="status">
                {run.processed.toLocaleString('en')} of {run.total.toLocaleString('en')} posts judged…
              </Text>
            </Stack>
          )}
          {run.status === 'FAILED' && (
            <Alert color={TONE.bad} variant="light" title="The dry run failed" role="alert">
              {run.error ?? 'No reason was given.'}
            </Alert>
          )}
          {run.status === 'DONE' && (
            <Stack gap="sm">
              <Text size="sm" role="status">
                Done{run.finishedAt ? ` at ${dateTime(run.finishedAt)}` : ''}: {count(run.total, 'post')} judged.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {[
                  ['Would be held', run.held],
                  ['Would be rejected', run.rejected],
                  ['Would pass', Math.max(0, run.total - run.held - run.rejected)],
                ].map(([label, n]) => (
                  <Paper key={label} withBorder p="sm" radius="md">
                    <Text size="xl" fw={700}>
                      {n}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {label}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
              {run.byRule.length > 0 && (
                <Table withTableBorder fz="sm" aria-label="By rule">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Rule</Table.Th>
                      <Table.Th scope="col">Action</Table.Th>
                      <Table.Th scope="col">Posts</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {run.byRule.map((row) => (
                      <Table.Tr key={`${row.ruleId}-${row.action}`}>
                        <Table.Td>{row.ruleId}</Table.Td>
                        <Table.Td>{RULE_ACTION[row.action].label}</Table.Td>
                        <Table.Td>{row.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {run.samples.length > 0 && (
                <Table withTableBorder fz="sm" aria-label="Samples">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Post</Table.Th>
                      <Table.Th scope="col">Would be</Table.Th>
                      <Table.Th scope="col">Rule</Table.Th>
                      <Table.Th scope="col">Excerpt</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {run.samples.map((sample) => (
                      <Table.Tr key={sample.contentId}>
                        <Table.Td>
                          {CONTENT_KIND[sample.contentKind]}, {dateTime(sample.createdAt)}
                        </Table.Td>
                        <Table.Td>{RULE_ACTION[sample.action].label}</Table.Td>
                        <Table.Td>
                          {sample.ruleId ?? '—'}
                          {sample.reason ? ` (${sample.reason})` : ''}
                        </Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{sample.excerpt}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * A version of the policy judged against the community's recent posts, changing nothing: how
 * many it would have held or rejected, by rule, with samples.
 */
export function DryRunPanel({ policy, communityId }: { policy: ModerationPolicyFieldsFragment; communityId: string | null }) {
  const [start] = useMutation(StartModerationDryRunDocument);
  const action = useAction();
  const versions = [...policy.versions].sort((a, b) => b.version - a.version).map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.active ? ' (active)' : ''}` }));
  const [version, setVersion] = useState<string | null>(versions[0]?.value ?? null);
  const [days, setDays] = useState<number | null>(30);
  const [problem, setProblem] = useState<string | undefined>();
  const [runId, setRunId] = useState<string | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="dry-run-heading">
      <Title order={4} id="dry-run-heading">
        Dry run
      </Title>
      <Text size="sm" c="dimmed">
        Judge a version against recent posts without changing anything, before activating it.
      </Text>
      <form
        noValidate
        aria-label="Start a dry run"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!days || days < 1 || days > DRY_RUN_MAX_DAYS) return setProblem(`Between 1 and ${DRY_RUN_MAX_DAYS} days.`);
          if (!version) return;
          setProblem(undefined);
          await action.run(async () => {
            const { data } = await start({ variables: { input: { policyId: policy.id, version: Number(version), communityId, days } } });
            if (data) setRunId(data.startModerationDryRun.id);
          });
        }}
      >
        <Group gap="sm" align="flex-end">
          <Select label="Version" data={versions} value={version} onChange={setVersion} allowDeselect={false} w={200} />
          <NumberInput
            label="Days of history"
            min={1}
            max={DRY_RUN_MAX_DAYS}
            allowDecimal={false}
            value={days ?? ''}
            onChange={(v) => setDays(typeof v === 'number' ? v : null)}
            error={problem ?? fieldError(action.error, 'days')}
            w={160}
          />
          <Button type="submit" loading={action.busy}>
            Start dry run
          </Button>
        </Group>
      </form>
      {action.error && !fieldError(action.error, 'days') && <ErrorAlert error={action.error} />}
      {runId && <DryRunReport key={runId} runId={runId} />}
    </Stack>
  );
}
