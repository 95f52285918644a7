import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { OverdueAssignmentsDocument, toApiError, TrainingCourseOptionsDocument, TrainingReportDocument } from '@commons/web-data-access';
import { date, LoadMoreButton, QueryState } from '@commons/web-ui';
import { appendPage } from '../append-page';
import { CompletionBars } from '../components/completion-bars';
import { trainingPaths } from '../training-paths';
import { useTrainingViewer } from '../training-viewer';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** Completion at /knowledge/training-report: by course, cohort, department and community, and the overdue assignments. */
export function ReportPage() {
  const viewer = useTrainingViewer();
  const [params, setParams] = useSearchParams();
  const courseId = params.get('course');
  const communityId = params.get('community') ?? (viewer.readsAllReports ? null : (viewer.managedCommunities[0]?.id ?? null));
  const choose = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const waiting = viewer.loading || (!viewer.readsAllReports && !communityId);
  const courses = useQuery(TrainingCourseOptionsDocument);
  const report = useQuery(TrainingReportDocument, { variables: { courseId, communityId }, skip: waiting, fetchPolicy: 'cache-and-network' });
  const overdue = useQuery(OverdueAssignmentsDocument, { variables: { courseId, communityId }, skip: waiting, fetchPolicy: 'cache-and-network' });
  const r = report.data?.trainingReport;
  const overdueEdges = overdue.data?.overdueAssignments.edges ?? [];
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1} size="h2">
        Training completion
      </Title>
      <Group gap="sm" align="flex-end">
        <Select
          label="Course"
          placeholder="All courses"
          clearable
          data={(courses.data?.courses.edges ?? []).map(({ node }) => ({ value: node.id, label: node.title }))}
          value={courseId}
          onChange={(v) => choose('course', v)}
        />
        <Select
          label="Community"
          placeholder={viewer.readsAllReports ? 'Everyone' : 'Choose a community'}
          clearable={viewer.readsAllReports}
          data={viewer.managedCommunities.map((c) => ({ value: c.id, label: c.name }))}
          value={communityId}
          onChange={(v) => choose('community', v)}
        />
      </Group>
      {!viewer.loading && !viewer.readsAllReports && viewer.managedCommunities.length === 0 ? (
        <Text c="dimmed">Completion reports are for the programme team, the steering committee and community managers.</Text>
      ) : (
        <QueryState loading={(report.loading && !r) || waiting} error={toApiError(report.error)} onRetry={() => void report.refetch()}>
          {r && (
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <Stat label="Enrolled" value={String(r.total.enrolled)} />
                <Stat label="Completed" value={`${r.total.completed} (${Math.round(r.total.rate * 100)}%)`} />
                <Stat label="Overdue" value={String(r.total.overdue)} />
                <Stat label="Median time to complete" value={r.medianHoursToComplete === null ? '—' : r.medianHoursToComplete < 48 ? `${r.medianHoursToComplete.toFixed(1)} h` : `${(r.medianHoursToComplete / 24).toFixed(1)} days`} />
              </SimpleGrid>
              <CompletionBars title="By department" groups={r.byDepartment} />
              <CompletionBars title="By course" groups={r.byCourse} />
              <CompletionBars title="By cohort" groups={r.byCohort} />
              <CompletionBars title="By community" groups={r.byCommunity} />
            </Stack>
          )}
        </QueryState>
      )}
      <section aria-label="Overdue assignments">
        <Title order={2} size="h4" mb="xs">
          Overdue assignments {overdue.data ? `(${overdue.data.overdueAssignments.totalCount})` : ''}
        </Title>
        <QueryState loading={overdue.loading && !overdue.data && !waiting} error={toApiError(overdue.error)} empty={overdueEdges.length === 0} emptyText="Nothing overdue.">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Department</Table.Th>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Progress</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overdueEdges.map(({ node }) => (
                <Table.Tr key={node.enrolmentId}>
                  <Table.Td>{node.learnerName}</Table.Td>
                  <Table.Td>{node.department ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={trainingPaths.course(node.courseId)}>
                      {node.courseTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{date(node.dueAt)}</Table.Td>
                  <Table.Td>
                    {node.lessonsDone} / {node.lessonCount} lessons
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMoreButton
            pageInfo={overdue.data?.overdueAssignments.pageInfo}
            fetchMore={(after) =>
              overdue.fetchMore({
                variables: { after },
                updateQuery: (prev, { fetchMoreResult }) => ({ ...fetchMoreResult, overdueAssignments: appendPage(prev.overdueAssignments, fetchMoreResult.overdueAssignments) }),
              })
            }
          />
        </QueryState>
      </section>
    </Stack>
  );
}
