import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Anchor, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CohortsToAttachDocument, fieldError, SaveCourseDocument, toApiError, TrainingCourseDocument, useAction, type Audience } from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { draftOf, emptyChoice, emptyCourse, emptyLesson, emptyQuestion, move, toSaveInput, type CourseDraft, type LessonDraft, type QuestionDraft } from '../course-draft';
import { trainingPaths } from '../training-paths';

function LessonFields({ lesson, index, total, onChange, onMove, onRemove }: { lesson: LessonDraft; index: number; total: number; onChange: (l: LessonDraft) => void; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const n = index + 1;
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-label={`Lesson ${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Lesson {n}</Text>
          <Group gap={4}>
            <ActionIcon variant="default" aria-label={`Move lesson ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="default" aria-label={`Move lesson ${n} down`} disabled={index === total - 1} onClick={() => onMove(1)}>
              ↓
            </ActionIcon>
            <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
              Remove
            </Button>
          </Group>
        </Group>
        <TextInput label="Title" required value={lesson.title} onChange={(e) => onChange({ ...lesson, title: e.currentTarget.value })} />
        <Textarea label="Text (Markdown)" autosize minRows={4} value={lesson.body} onChange={(e) => onChange({ ...lesson, body: e.currentTarget.value })} />
        <TextInput label="Video address" description="An https:// address to embed (optional)." value={lesson.videoUrl} onChange={(e) => onChange({ ...lesson, videoUrl: e.currentTarget.value })} />
        <TextInput label="Linked article ids" description="Separated by commas (optional)." value={lesson.articleIds} onChange={(e) => onChange({ ...lesson, articleIds: e.currentTarget.value })} />
      </Stack>
    </Paper>
  );
}

function QuestionFields({ question, index, onChange, onRemove }: { question: QuestionDraft; index: number; onChange: (q: QuestionDraft) => void; onRemove: () => void }) {
  const n = index + 1;
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-label={`Question ${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Question {n}</Text>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
            Remove
          </Button>
        </Group>
        <TextInput label="Question" required value={question.prompt} onChange={(e) => onChange({ ...question, prompt: e.currentTarget.value })} />
        {question.choices.map((c, i) => (
          <Group key={c.key} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={`Choice ${i + 1}`}
              value={c.text}
              onChange={(e) => onChange({ ...question, choices: question.choices.map((x) => (x.key === c.key ? { ...x, text: e.currentTarget.value } : x)) })}
            />
            <Checkbox
              mb={8}
              label="Right"
              checked={c.correct}
              onChange={(e) => onChange({ ...question, choices: question.choices.map((x) => (x.key === c.key ? { ...x, correct: e.currentTarget.checked } : x)) })}
            />
            <Button
              variant="subtle"
              size="compact-sm"
              mb={6}
              disabled={question.choices.length <= 2}
              onClick={() => onChange({ ...question, choices: question.choices.filter((x) => x.key !== c.key) })}
              aria-label={`Remove choice ${i + 1}`}
            >
              ✕
            </Button>
          </Group>
        ))}
        <Button variant="light" size="compact-sm" w="fit-content" onClick={() => onChange({ ...question, choices: [...question.choices, emptyChoice()] })}>
          Add a choice
        </Button>
      </Stack>
    </Paper>
  );
}

const AUDIENCES: Array<{ value: Audience; label: string }> = [
  { value: 'EMPLOYEE', label: 'Employees' },
  { value: 'CUSTOMER', label: 'Customers' },
  { value: 'PARTNER', label: 'Partners' },
];

/** The course editor for the programme team (/knowledge/courses/new and …/edit): details, ordered lessons, the quiz. */
export function CourseEditorPage() {
  const { courseId } = useParams();
  const existing = useQuery(TrainingCourseDocument, { variables: { id: courseId ?? '' }, skip: !courseId, fetchPolicy: 'network-only' });
  const loadedCourse = existing.data?.course;
  return (
    <QueryState loading={!!courseId && existing.loading && !loadedCourse} error={toApiError(existing.error)}>
      {(!courseId || loadedCourse) && <CourseForm key={courseId ?? 'new'} courseId={courseId ?? null} initial={loadedCourse ? draftOf(loadedCourse) : emptyCourse()} />}
    </QueryState>
  );
}

function CourseForm({ courseId, initial }: { courseId: string | null; initial: CourseDraft }) {
  const navigate = useNavigate();
  const cohorts = useQuery(CohortsToAttachDocument, { variables: { search: null } });
  const [draft, setDraft] = useState<CourseDraft>(initial);
  const [save] = useMutation(SaveCourseDocument);
  const action = useAction();
  const set = <K extends keyof CourseDraft>(key: K, value: CourseDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const { data } = await save({ variables: { input: toSaveInput(courseId, draft) } });
      if (data) void navigate(trainingPaths.course(data.saveCourse.id));
    });
  };

  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to={courseId ? trainingPaths.course(courseId) : trainingPaths.catalogue} size="sm">
        ← {courseId ? 'Back to the course' : 'All courses'}
      </Anchor>
      <Title order={1} size="h2">
        {courseId ? 'Edit course' : 'New course'}
      </Title>
      <form onSubmit={submit} aria-label="Course">
        <Stack gap="md">
          <TextInput label="Title" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError(action.error, 'title')} />
          <Textarea label="Description (Markdown)" autosize minRows={3} value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} />
          <Checkbox.Group label="Audiences" value={draft.audiences} onChange={(v) => set('audiences', v as Audience[])} error={fieldError(action.error, 'audiences')}>
            <Group mt="xs">
              {AUDIENCES.map((a) => (
                <Checkbox key={a.value} value={a.value} label={a.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Paper withBorder p="sm" radius="md" component="fieldset" aria-label="Target groups">
            <Stack gap="xs">
              <Text fw={600}>Target groups</Text>
              <Text size="sm" c="dimmed">
                Optional: only these people find the course in the catalogue (assigned people always can).
              </Text>
              <Select
                label="Pilot cohort"
                clearable
                placeholder="None"
                data={(cohorts.data?.cohorts.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
                value={draft.targetCohortId}
                onChange={(v) => set('targetCohortId', v)}
              />
              <TextInput label="Department" value={draft.targetDepartment} onChange={(e) => set('targetDepartment', e.currentTarget.value)} />
              <Switch label="Community managers" checked={draft.targetCommunityManagers} onChange={(e) => set('targetCommunityManagers', e.currentTarget.checked)} />
            </Stack>
          </Paper>
          <Title order={2} size="h4">
            Lessons
          </Title>
          {draft.lessons.map((l, i) => (
            <LessonFields
              key={l.key}
              lesson={l}
              index={i}
              total={draft.lessons.length}
              onChange={(next) => set('lessons', draft.lessons.map((x) => (x.key === l.key ? next : x)))}
              onMove={(by) => set('lessons', move(draft.lessons, i, by))}
              onRemove={() => set('lessons', draft.lessons.filter((x) => x.key !== l.key))}
            />
          ))}
          <Button variant="light" w="fit-content" onClick={() => set('lessons', [...draft.lessons, emptyLesson()])}>
            Add a lesson
          </Button>
          <Title order={2} size="h4">
            Quiz
          </Title>
          {draft.questions.length > 0 && (
            <NumberInput label="Pass mark (%)" min={1} max={100} value={draft.passMark} onChange={(v) => set('passMark', typeof v === 'number' ? v : Number(v) || 0)} error={fieldError(action.error, 'passMark')} w={200} />
          )}
          {draft.questions.map((q, i) => (
            <QuestionFields
              key={q.key}
              question={q}
              index={i}
              onChange={(next) => set('questions', draft.questions.map((x) => (x.key === q.key ? next : x)))}
              onRemove={() => set('questions', draft.questions.filter((x) => x.key !== q.key))}
            />
          ))}
          <Button variant="light" w="fit-content" onClick={() => set('questions', [...draft.questions, emptyQuestion()])}>
            Add a question
          </Button>
          {action.error && <ErrorAlert error={action.error} />}
          <Group>
            <Button type="submit" loading={action.busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
