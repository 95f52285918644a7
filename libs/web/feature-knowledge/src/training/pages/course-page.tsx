import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Box, Button, Group, List, NavLink, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  EnrolInCourseDocument,
  isNotFound,
  SetCourseStateDocument,
  toApiError,
  TrainingCourseDocument,
  useAction,
  type CourseFieldsFragment,
  type CourseState,
} from '@commons/web-data-access';
import { date, ErrorAlert, NotFound, QueryState, SanitizedHtml } from '@commons/web-ui';
import { LessonView } from '../components/lesson-view';
import { QuizView } from '../components/quiz-view';
import { trainingPaths } from '../training-paths';

function ManageActions({ course }: { course: CourseFieldsFragment }) {
  const [setState] = useMutation(SetCourseStateDocument);
  const action = useAction();
  const to = (state: CourseState) => action.run(() => setState({ variables: { input: { courseId: course.id, state } } }));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button component={Link} to={trainingPaths.edit(course.id)} variant="default" size="compact-sm">
          Edit
        </Button>
        {course.state !== 'PUBLISHED' && (
          <Button size="compact-sm" loading={action.busy} onClick={() => void to('PUBLISHED')}>
            Publish
          </Button>
        )}
        {course.state === 'PUBLISHED' && (
          <Button size="compact-sm" variant="default" loading={action.busy} onClick={() => void to('ARCHIVED')}>
            Archive
          </Button>
        )}
      </Group>
      {action.error && <ErrorAlert error={action.error} />}
    </Stack>
  );
}

function Overview({ course }: { course: CourseFieldsFragment }) {
  const [enrol] = useMutation(EnrolInCourseDocument, { refetchQueries: [TrainingCourseDocument] });
  const action = useAction();
  return (
    <Stack gap="md">
      <SanitizedHtml html={course.descriptionHtml} topLevel={2} />
      <Title order={2} size="h4">
        Lessons
      </Title>
      <List type="ordered">
        {course.lessons.map((l) => (
          <List.Item key={l.id}>{l.title}</List.Item>
        ))}
      </List>
      {course.quiz.length > 0 && <Text size="sm">Ends with a quiz of {course.quiz.length} questions (pass mark {course.passMark}%).</Text>}
      {action.error && <ErrorAlert error={action.error} />}
      {course.viewerCan.enrol && (
        <Button w="fit-content" loading={action.busy} onClick={() => void action.run(() => enrol({ variables: { courseId: course.id } }))}>
          Enrol
        </Button>
      )}
    </Stack>
  );
}

/** The course player: the lessons with progress beside the one being read, then the quiz. */
function Player({ course }: { course: CourseFieldsFragment }) {
  const [params, setParams] = useSearchParams();
  const enrolment = course.viewerEnrolment as NonNullable<CourseFieldsFragment['viewerEnrolment']>;
  const done = new Set(enrolment.completedLessonIds);
  const quizStep = params.get('step') === 'quiz' && course.quiz.length > 0;
  const chosen = course.lessons.find((l) => l.id === params.get('lesson'));
  const lesson = quizStep ? undefined : (chosen ?? course.lessons.find((l) => !done.has(l.id)) ?? course.lessons[0]);
  const index = lesson ? course.lessons.indexOf(lesson) : -1;
  const following = course.lessons[index + 1];
  const next = following
    ? { label: 'Next lesson', to: trainingPaths.lesson(course.id, following.id) }
    : course.quiz.length > 0
      ? { label: 'Take the quiz', to: trainingPaths.quiz(course.id) }
      : null;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <Box w={{ base: '100%', sm: 280 }}>
        <Paper withBorder p="sm" radius="md" component="nav" aria-label="Lessons">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {enrolment.lessonsDone} of {enrolment.lessonCount} lessons done
            </Text>
            <Progress value={enrolment.progress} aria-label={`${enrolment.progress}% of lessons done`} size="sm" />
            {course.lessons.map((l) => (
              <NavLink
                key={l.id}
                component={Link}
                to={trainingPaths.lesson(course.id, l.id)}
                label={`${l.position}. ${l.title}`}
                active={l.id === lesson?.id}
                rightSection={done.has(l.id) ? <span aria-label="done">✓</span> : null}
              />
            ))}
            {course.quiz.length > 0 && (
              <NavLink component={Link} to={trainingPaths.quiz(course.id)} label="Quiz" active={quizStep} rightSection={enrolment.quizPassed ? <span aria-label="passed">✓</span> : null} />
            )}
          </Stack>
        </Paper>
      </Box>
      <Box style={{ flex: 1, minWidth: 280 }}>
        {quizStep ? <QuizView course={course} /> : lesson ? <LessonView key={lesson.id} lesson={lesson} done={done.has(lesson.id)} next={next} keepInView={() => setParams({ lesson: lesson.id }, { replace: true })} /> : <Text>This course has no lessons yet.</Text>}
      </Box>
    </Group>
  );
}

/** A course at /knowledge/courses/:courseId: its overview and enrolment, then the player. */
export function CoursePage() {
  const { courseId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TrainingCourseDocument, { variables: { id: courseId } });
  const apiError = toApiError(error);
  if (isNotFound(apiError)) return <NotFound what="Course" back={{ to: trainingPaths.catalogue, label: 'All courses' }} />;
  const course = data?.course;
  return (
    <QueryState loading={loading && !course} error={apiError} onRetry={() => void refetch()}>
      {course && (
        <Stack gap="md" maw={1100}>
          <Anchor component={Link} to={trainingPaths.catalogue} size="sm">
            ← All courses
          </Anchor>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {course.title}
              </Title>
              <Group gap={6}>
                {course.state !== 'PUBLISHED' && <Badge variant="light">{course.state.toLowerCase()}</Badge>}
                {course.viewerEnrolment?.dueAt && (
                  <Badge color={course.viewerEnrolment.overdue ? 'red' : 'blue'} variant="light">
                    {course.viewerEnrolment.overdue ? 'Overdue' : 'Due'} {date(course.viewerEnrolment.dueAt)}
                  </Badge>
                )}
                {course.viewerEnrolment?.completedAt && (
                  <Badge color="green">Completed {date(course.viewerEnrolment.completedAt)}</Badge>
                )}
              </Group>
            </Stack>
            <Stack gap="xs" align="flex-end">
              {course.viewerCan.manage && <ManageActions course={course} />}
              <Group gap="xs">
                {course.viewerCan.assign && (
                  <Button component={Link} to={trainingPaths.assign(course.id)} variant="default" size="compact-sm">
                    Assign
                  </Button>
                )}
                {course.viewerEnrolment?.completedAt && (
                  <Button component={Link} to={trainingPaths.certificate(course.id)} size="compact-sm">
                    Certificate
                  </Button>
                )}
              </Group>
            </Stack>
          </Group>
          {course.viewerEnrolment ? <Player course={course} /> : <Overview course={course} />}
        </Stack>
      )}
    </QueryState>
  );
}
