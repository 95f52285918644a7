import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { MyLearningDocument, toApiError } from '@commons/web-data-access';
import { date, LoadMoreButton, QueryState } from '@commons/web-ui';
import { appendPage } from '../append-page';
import { trainingPaths } from '../training-paths';

/** Your courses at /knowledge/learning: assigned and self-enrolled, with progress, due dates and overdue flags. */
export function MyLearningPage() {
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(MyLearningDocument, { fetchPolicy: 'cache-and-network' });
  const shown = (data ?? previousData)?.myLearning;
  const edges = shown?.edges ?? [];
  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          My learning
        </Title>
        <Anchor component={Link} to={trainingPaths.catalogue} size="sm" underline="always">
          Browse courses
        </Anchor>
      </Group>
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={edges.length === 0} emptyText="No courses yet. Enrol in one from the catalogue." onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="My courses">
          {edges.map(({ node }) => (
            <Paper component="li" key={node.id} withBorder p="md" radius="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={trainingPaths.course(node.courseId)} fw={600}>
                    {node.course?.title ?? 'A course no longer available'}
                  </Anchor>
                  <Group gap={6}>
                    {node.assigned && <Badge variant="light">Assigned</Badge>}
                    {node.completedAt ? (
                      <Badge color="green">Completed {date(node.completedAt)}</Badge>
                    ) : node.overdue ? (
                      <Badge color="red">Overdue</Badge>
                    ) : null}
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {node.lessonsDone} of {node.lessonCount} lessons done
                  {node.dueAt ? ` · due ${date(node.dueAt)}` : ''}
                </Text>
                <Progress value={node.progress} size="sm" color={node.completedAt ? 'green' : undefined} aria-label={`${node.progress}% of lessons done`} />
              </Stack>
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton
          pageInfo={shown?.pageInfo}
          fetchMore={(after) => fetchMore({ variables: { after }, updateQuery: (prev, { fetchMoreResult }) => ({ ...fetchMoreResult, myLearning: appendPage(prev.myLearning, fetchMoreResult.myLearning) }) })}
        />
      </QueryState>
    </Stack>
  );
}
