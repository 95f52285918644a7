import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  GuidelineComplianceCsvDocument,
  GuidelineComplianceDocument,
  GuidelineDocument,
  GuidelineNotAcknowledgedDocument,
  GuidelineVersionsDocument,
  RemindGuidelineDocument,
  isNotFound,
  toApiError,
  useAction,
  type GuidelineComplianceFilter,
  type GuidelineComplianceGroupFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, NotFound, QueryState, count } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Saves text as a file, as if downloaded. */
function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Acknowledgement rates of one breakdown as labelled bars; the numbers are in the text too. */
function RateBars({
  title,
  groups,
  labelOf = (g) => g.label,
  hrefOf,
}: {
  title: string;
  groups: GuidelineComplianceGroupFieldsFragment[];
  labelOf?: (g: GuidelineComplianceGroupFieldsFragment) => string;
  /** Where a group's report is, when it has one of its own. */
  hrefOf?: (g: GuidelineComplianceGroupFieldsFragment) => string;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody in this breakdown.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {groups.map((g) => (
            <li key={g.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                {hrefOf ? (
                  <Anchor component={Link} to={hrefOf(g)} size="sm" truncate>
                    {labelOf(g)}
                  </Anchor>
                ) : (
                  <Text size="sm" truncate>
                    {labelOf(g)}
                  </Text>
                )}
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {g.acknowledged} of {g.expected} ({percent(g.rate)})
                </Text>
              </Group>
              <Progress value={g.rate * 100} aria-label={`${labelOf(g)}: ${percent(g.rate)} acknowledged`} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The compliance report of a guideline at /knowledge/guidelines/:key/compliance: rates by
 * department, community and audience, who has not acknowledged, reminders and the CSV export.
 * ?communityId= narrows a platform-wide guideline to one community's members (managers need it).
 */
export function GuidelineCompliancePage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const [department, setDepartment] = useState('');
  const [appliedDepartment, setAppliedDepartment] = useState<string | null>(null);
  const guidelineQuery = useQuery(GuidelineDocument, { variables: { key } });
  const guideline = guidelineQuery.data?.guideline;
  const [versionId, setVersionId] = useState<string | null>(null);
  // The material versions (those people are asked to acknowledge), newest first; the latest is the default.
  const versions = useQuery(GuidelineVersionsDocument, { variables: { guidelineId: guideline?.id ?? '' }, skip: !guideline });
  const materialVersions = (versions.data?.guidelineVersions.edges ?? []).map((e) => e.node).filter((v) => v.material);
  const filter: GuidelineComplianceFilter = { guidelineId: guideline?.id ?? '', versionId, communityId: params.get('communityId'), department: appliedDepartment };
  const report = useQuery(GuidelineComplianceDocument, { variables: { filter }, skip: !guideline, fetchPolicy: 'cache-and-network' });
  const people = useQuery(GuidelineNotAcknowledgedDocument, { variables: { filter }, skip: !guideline, fetchPolicy: 'cache-and-network' });
  const client = useApolloClient();
  const [remindGuideline] = useMutation(RemindGuidelineDocument);
  const [reminded, setReminded] = useState<number | null>(null);
  const reminding = useAction();
  const exporting = useAction();

  const apiError = toApiError(guidelineQuery.error);
  if (isNotFound(apiError)) return <NotFound what="This guideline" back={{ to: '/knowledge/guidelines', label: 'All guidelines' }} />;
  const compliance = report.data?.guidelineCompliance;
  const pending = people.data?.guidelineNotAcknowledged;

  return (
    <Stack gap="md" maw={1000}>
      <QueryState loading={guidelineQuery.loading && !guideline} error={apiError} onRetry={() => void guidelineQuery.refetch()}>
        {guideline && (
          <>
            <Stack gap={0}>
              <Anchor component={Link} to={guidelinePath(key)} size="sm">
                {guideline.title}
              </Anchor>
              <Title order={1} size="h2">
                Compliance
              </Title>
              {params.get('communityId') && !guideline.communityId && (
                <Text size="sm" c="dimmed">
                  Members of {compliance?.byCommunity.find((g) => g.key === params.get('communityId'))?.label ?? 'one community'} only.{' '}
                  <Anchor component={Link} to="?">
                    All communities
                  </Anchor>
                </Text>
              )}
            </Stack>
            <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), setAppliedDepartment(department.trim() || null))}>
              <Select
                label="Version"
                placeholder="The version to acknowledge now"
                data={materialVersions.map((v) => ({ value: v.id, label: `Version ${v.number}` }))}
                value={versionId}
                onChange={setVersionId}
                clearable
              />
              <TextInput label="Department" placeholder="All departments" value={department} onChange={(e) => setDepartment(e.currentTarget.value)} />
              <Button type="submit" variant="default">
                Filter
              </Button>
              <Button
                variant="default"
                loading={exporting.busy}
                onClick={() =>
                  void exporting.run(async () => {
                    const { data } = await client.query({ query: GuidelineComplianceCsvDocument, variables: { filter }, fetchPolicy: 'network-only' });
                    if (data) download(data.guidelineComplianceCsv, `${guideline.key}-acknowledgements.csv`);
                  })
                }
              >
                Download CSV
              </Button>
            </Group>
            {exporting.error && <ErrorAlert error={exporting.error} />}
            <QueryState loading={report.loading && !compliance} error={toApiError(report.error)} onRetry={() => void report.refetch()}>
              {compliance && (
                <>
                  <Paper withBorder p="md" radius="md" data-testid="guideline-compliance-total">
                    <Text fw={600}>
                      Version {compliance.versionNumber}: {compliance.acknowledged} of {compliance.expected} acknowledged ({percent(compliance.rate)})
                    </Text>
                    <Progress mt="xs" value={compliance.rate * 100} aria-label={`${percent(compliance.rate)} acknowledged`} />
                  </Paper>
                  <SimpleGrid cols={{ base: 1, md: 3 }}>
                    <RateBars title="By department" groups={compliance.byDepartment} labelOf={(g) => g.label || 'No department'} />
                    <RateBars title="By community" groups={compliance.byCommunity} hrefOf={guideline.communityId || params.get('communityId') ? undefined : (g) => `?communityId=${g.key}`} />
                    <RateBars title="By audience" groups={compliance.byAudience} labelOf={(g) => g.label.charAt(0) + g.label.slice(1).toLowerCase()} />
                  </SimpleGrid>
                </>
              )}
            </QueryState>

            <Stack gap="xs" component="section" aria-labelledby="not-acknowledged">
              <Group justify="space-between">
                <Title order={2} size="h4" id="not-acknowledged">
                  Not acknowledged{pending ? ` (${pending.totalCount})` : ''}
                </Title>
                <Button
                  variant="default"
                  size="sm"
                  loading={reminding.busy}
                  disabled={!pending || pending.totalCount === 0}
                  onClick={() =>
                    void reminding.run(async () => {
                      const result = await remindGuideline({ variables: { filter } });
                      setReminded(result.data?.remindGuideline ?? 0);
                    })
                  }
                >
                  Send reminder
                </Button>
              </Group>
              {reminding.error && <ErrorAlert error={reminding.error} />}
              {reminded !== null && (
                <Text size="sm" role="status">
                  Reminded {count(reminded, 'person', 'people')}.
                </Text>
              )}
              <QueryState loading={people.loading && !pending} error={toApiError(people.error)} empty={pending?.edges.length === 0} emptyText="Everyone has acknowledged." onRetry={() => void people.refetch()}>
                <Table striped aria-label="People who have not acknowledged">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Department</Table.Th>
                      <Table.Th>Audience</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pending?.edges.map(({ node }) => (
                      <Table.Tr key={node.id}>
                        <Table.Td>{node.displayName}</Table.Td>
                        <Table.Td>{node.department ?? '—'}</Table.Td>
                        <Table.Td>{node.audience.charAt(0) + node.audience.slice(1).toLowerCase()}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <LoadMoreButton pageInfo={pending?.pageInfo} fetchMore={(after) =>
                    people.fetchMore({
                      variables: { after },
                      updateQuery: (previous, { fetchMoreResult }) => ({
                        guidelineNotAcknowledged: { ...fetchMoreResult.guidelineNotAcknowledged, edges: [...(previous.guidelineNotAcknowledged?.edges ?? []), ...fetchMoreResult.guidelineNotAcknowledged.edges] },
                      }),
                    })
                  } />
              </QueryState>
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
