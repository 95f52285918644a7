import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError, TrainingCatalogueDocument, type CourseState } from '@commons/web-data-access';
import { count, LoadMoreButton, QueryState } from '@commons/web-ui';
import { appendPage } from '../append-page';
import { trainingPaths } from '../training-paths';
import { useTrainingViewer } from '../training-viewer';

/** The course catalogue at /knowledge/courses: the courses for you, and every course for the programme team. */
export function CataloguePage() {
  const viewer = useTrainingViewer();
  const [state, setState] = useState<CourseState | 'ALL'>('ALL');
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(TrainingCatalogueDocument, {
    variables: { state: state === 'ALL' ? null : state },
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.courses;
  const edges = shown?.edges ?? [];
  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Courses
        </Title>
        <Group gap="xs">
          <Button component={Link} to={trainingPaths.myLearning} variant="default">
            My learning
          </Button>
          {viewer.readsAllReports || viewer.managedCommunities.length > 0 ? (
            <Button component={Link} to={trainingPaths.report} variant="default">
              Completion report
            </Button>
          ) : null}
          {viewer.programmeTeam && (
            <Button component={Link} to={trainingPaths.newCourse}>
              New course
            </Button>
          )}
        </Group>
      </Group>
      {viewer.programmeTeam && (
        <SegmentedControl
          aria-label="Course state"
          value={state}
          onChange={(v) => setState(v as CourseState | 'ALL')}
          data={[
            { value: 'ALL', label: 'All' },
            { value: 'DRAFT', label: 'Drafts' },
            { value: 'PUBLISHED', label: 'Published' },
            { value: 'ARCHIVED', label: 'Archived' },
          ]}
          w="fit-content"
        />
      )}
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={edges.length === 0} emptyText="No courses for you yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Courses">
          {edges.map(({ node }) => (
            <Paper component="li" key={node.id} withBorder p="md" radius="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={trainingPaths.course(node.id)} fw={600} size="lg">
                    {node.title}
                  </Anchor>
                  <Group gap={6}>
                    {node.state !== 'PUBLISHED' && <Badge variant="light">{node.state.toLowerCase()}</Badge>}
                    {node.viewerEnrolment?.completedAt && <Badge color="green">Completed</Badge>}
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {count(node.lessonCount, 'lesson')}
                </Text>
                {node.viewerEnrolment && !node.viewerEnrolment.completedAt && (
                  <Progress value={node.viewerEnrolment.progress} aria-label={`${node.title}: ${node.viewerEnrolment.progress}% done`} size="sm" />
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={shown?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after }, updateQuery: (prev, { fetchMoreResult }) => ({ ...fetchMoreResult, courses: appendPage(prev.courses, fetchMoreResult.courses) }) })} />
      </QueryState>
    </Stack>
  );
}
