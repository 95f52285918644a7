import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CommunitySupportDocument, fieldError, RemoveSupportSlaDocument, SetSupportSlaDocument, toApiError, useAction } from '@commons/web-data-access';
import { dateTime, ErrorAlert, QueryState } from '@commons/web-ui';
import { OKABE_ITO } from '../model/chart-data';
import { toCsv } from '../model/csv';
import { formatMinutes } from '../model/format';
import { ChartCard } from './chart-card';
import { ColumnHeads } from './column-heads';

/** Managers set the first-response target; questions waiting longer alert them. */
function SlaForm({ communityId, minutes, onChanged }: { communityId: string; minutes: number | null; onChanged: () => void }) {
  const [value, setValue] = useState<number | string>(minutes ?? 240);
  const [setSla] = useMutation(SetSupportSlaDocument);
  const [removeSla] = useMutation(RemoveSupportSlaDocument);
  const action = useAction();
  return (
    <form
      noValidate
      aria-label="First-response target"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          await setSla({ variables: { input: { communityId, firstResponseMinutes: Number(value) } } });
          onChanged();
        });
      }}
    >
      <Group align="flex-end" gap="sm">
        <NumberInput
          label="First answer within (minutes)"
          description={typeof value === 'number' && value >= 5 ? formatMinutes(value) : '5 minutes to 7 days'}
          min={5}
          max={10080}
          step={15}
          w={220}
          value={value}
          onChange={setValue}
          error={fieldError(action.error, 'firstResponseMinutes')}
        />
        <Button type="submit" loading={action.busy}>
          {minutes === null ? 'Set target' : 'Change target'}
        </Button>
        {minutes !== null && (
          <Button
            variant="default"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await removeSla({ variables: { communityId } });
                onChanged();
              })
            }
          >
            Remove target
          </Button>
        )}
      </Group>
      {action.error && action.error.fields.length === 0 && <ErrorAlert error={action.error} />}
    </form>
  );
}

const AGES = {
  key: 'UNANSWERED_AGES',
  name: 'Unanswered questions by age',
  description: 'Open questions nobody else has answered yet (no reply from another person, no accepted answer), by how long they have waited.',
};

/**
 * A community's support desk: its first-response target, the open questions by age with the
 * breaches, and the oldest questions to answer. Managers change the target here.
 */
export function SupportDesk({ communityId, slug, manages }: { communityId: string; slug: string; manages: boolean }) {
  const { data, loading, error, refetch } = useQuery(CommunitySupportDocument, { variables: { communityId }, fetchPolicy: 'cache-and-network' });
  const ages = data?.unansweredQuestionAges;
  const questions = data?.unansweredQuestions.edges.map((e) => e.node) ?? [];
  const sla = data?.supportSla ?? null;
  return (
    <Stack gap="sm" component="section" aria-label="Support desk">
      <Title order={2} size="h4">
        Support desk
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
        {ages && (
          <>
            {ages.breached > 0 && (
              <Alert color="red" variant="light" title="SLA breached" role="alert">
                {ages.breached === 1 ? '1 question has' : `${ages.breached} questions have`} waited longer than {formatMinutes(ages.firstResponseMinutes ?? 0)} for a first answer.
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <ChartCard
                title="Unanswered questions by age"
                subtitle={`${ages.total} open · target: ${sla ? `first answer within ${formatMinutes(sla.firstResponseMinutes)}` : 'none set'}`}
                definitions={[AGES]}
                loading={false}
                error={null}
                empty={false}
                suppressed={false}
                csv={() => ({
                  text: toCsv(['band', 'questions', 'breached_total', 'sla_minutes'], ages.bands.map((b) => [b.label, b.count, ages.breached, ages.firstResponseMinutes])),
                  filename: `commons-unanswered-${slug}.csv`,
                })}
                chart={
                  <div role="img" aria-label={`Unanswered questions by age: ${ages.bands.map((b) => `${b.label}: ${b.count}`).join(', ')}`}>
                    <BarChart accessibilityLayer={false} h={200} data={ages.bands.map((b) => ({ age: b.label, count: b.count }))} dataKey="age" series={[{ name: 'count', label: 'Questions', color: OKABE_ITO[3] }]} />
                  </div>
                }
                table={
                  <Table striped withTableBorder captionSide="top" fz="sm">
                    <Table.Caption>Open unanswered questions by how long they have waited</Table.Caption>
                    <ColumnHeads columns={[{ label: 'Waiting' }, { label: 'Questions', numeric: true }]} />
                    <Table.Tbody>
                      {ages.bands.map((b) => (
                        <Table.Tr key={b.band}>
                          <Table.Th scope="row" fw={400}>
                            {b.label}
                          </Table.Th>
                          <Table.Td ta="right">{b.count}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                }
              />
              <Paper withBorder radius="md" p="md" component="section" aria-label="Oldest unanswered questions" className="metrics-card">
                <Stack gap="sm">
                  <Title order={3} size="h5">
                    Oldest unanswered questions
                  </Title>
                  {questions.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      Every question has an answer.
                    </Text>
                  ) : (
                    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                      {questions.map((q) => (
                        <Group key={q.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                          {q.title ? (
                            <Anchor component={Link} to={`/communities/${slug}/forum/threads/${q.id}`} size="sm" lineClamp={1}>
                              {q.title}
                            </Anchor>
                          ) : (
                            <Text size="sm">A question</Text>
                          )}
                          <Group gap={6} wrap="nowrap">
                            <Text size="xs" c="dimmed" title={`Asked ${dateTime(q.askedAt)}`}>
                              {formatMinutes(q.ageMinutes)}
                            </Text>
                            {q.breached && (
                              <Badge color="red.8" variant="filled" size="sm" title={q.alertedAt ? `Managers alerted ${dateTime(q.alertedAt)}` : undefined}>
                                Past target
                              </Badge>
                            )}
                          </Group>
                        </Group>
                      ))}
                    </Stack>
                  )}
                  {data && data.unansweredQuestions.totalCount > questions.length && (
                    <Text size="xs" c="dimmed">
                      The {questions.length} oldest of {data.unansweredQuestions.totalCount}.
                    </Text>
                  )}
                </Stack>
              </Paper>
            </SimpleGrid>
            {manages && <SlaForm key={sla?.firstResponseMinutes ?? 'none'} communityId={communityId} minutes={sla?.firstResponseMinutes ?? null} onChanged={() => void refetch()} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
