import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { AssignCourseDocument, CohortsToAttachDocument, fieldError, PeopleDocument, toApiError, TrainingCourseDocument, useAction, type AssignCourseMutation } from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { trainingPaths } from '../training-paths';
import { useTrainingViewer } from '../training-viewer';

/** The end of the chosen day, local time: a due date means "by the end of that day". */
const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

/** Assign a course at /knowledge/courses/:courseId/assign: to people, a cohort or a department, with a due date. */
export function AssignPage() {
  const { courseId = '' } = useParams();
  const viewer = useTrainingViewer();
  const course = useQuery(TrainingCourseDocument, { variables: { id: courseId } });
  const [search, setSearch] = useState('');
  const people = useQuery(PeopleDocument, { variables: { first: 20, search: search || null } });
  const cohorts = useQuery(CohortsToAttachDocument, { variables: { search: null } });
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [department, setDepartment] = useState('');
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [result, setResult] = useState<AssignCourseMutation['assignCourse'] | null>(null);
  const [assign] = useMutation(AssignCourseDocument);
  const action = useAction();

  const options = [
    ...(people.data?.accounts.edges ?? []).map(({ node }) => ({ value: node.id, label: node.department ? `${node.displayName} (${node.department})` : node.displayName })),
    ...accountIds.filter((id) => !(people.data?.accounts.edges ?? []).some((e) => e.node.id === id)).map((id) => ({ value: id, label: known[id] ?? id })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    void action.run(async () => {
      const { data } = await assign({
        variables: {
          input: { courseId, accountIds, cohortId, department: department.trim() || null, communityId, dueAt: dueOn ? endOfDay(dueOn) : null },
        },
      });
      if (data) setResult(data.assignCourse);
    });
  };

  return (
    <QueryState loading={course.loading && !course.data} error={toApiError(course.error)}>
      <Stack gap="md" maw={640}>
        <Anchor component={Link} to={trainingPaths.course(courseId)} size="sm">
          ← {course.data?.course.title ?? 'Back to the course'}
        </Anchor>
        <Title order={1} size="h2">
          Assign “{course.data?.course.title}”
        </Title>
        <form onSubmit={submit} aria-label="Assign the course">
          <Stack gap="sm">
            <Select
              label="Community"
              description={viewer.programmeTeam ? 'Leave empty to assign platform-wide; choose one to assign only to its members.' : 'Only members of a community you manage can be assigned.'}
              placeholder={viewer.programmeTeam ? 'Platform-wide' : 'Choose a community'}
              data={viewer.managedCommunities.map((c) => ({ value: c.id, label: c.name }))}
              value={communityId}
              onChange={setCommunityId}
              clearable
              error={fieldError(action.error, 'communityId')}
            />
            <MultiSelect
              label="People"
              placeholder="Search by name"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={options}
              value={accountIds}
              onChange={(ids) => {
                setKnown((k) => ({ ...k, ...Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label])) }));
                setAccountIds(ids);
              }}
              error={fieldError(action.error, 'accountIds')}
            />
            <Select
              label="Cohort"
              placeholder="No cohort"
              data={(cohorts.data?.cohorts.edges ?? []).map(({ node }) => ({ value: node.id, label: `${node.name} (${node.membersCount})` }))}
              value={cohortId}
              onChange={setCohortId}
              clearable
            />
            <TextInput label="Department" description="Everyone in this department (as on their profile)." value={department} onChange={(e) => setDepartment(e.currentTarget.value)} />
            <TextInput type="date" label="Due date" description="Optional; a reminder goes out a few days before." value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={fieldError(action.error, 'dueAt')} />
            {action.error && <ErrorAlert error={action.error} />}
            <Button type="submit" loading={action.busy} w="fit-content">
              Assign
            </Button>
          </Stack>
        </form>
        {result && (
          <Alert color="green" title="Assigned" role="status">
            <Text>
              {result.assigned} newly assigned, {result.updated} updated, {result.skipped} left out (outside the course’s audience or your community, or done already).
            </Text>
          </Alert>
        )}
      </Stack>
    </QueryState>
  );
}
