import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Checkbox, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { SubmitQuizDocument, useAction, type CourseFieldsFragment, type SubmitQuizMutation } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { trainingPaths } from '../training-paths';

type Question = CourseFieldsFragment['quiz'][number];

function QuestionField({ question, picked, onChange, result }: { question: Question; picked: string[]; onChange: (ids: string[]) => void; result: boolean | null }) {
  const label = `${question.position}. ${question.prompt}`;
  const description = result === null ? (question.multipleAnswers ? 'Pick every right answer.' : 'Pick one.') : result ? 'Right.' : 'Not quite.';
  if (question.multipleAnswers) {
    return (
      <Checkbox.Group label={label} description={description} value={picked} onChange={onChange}>
        <Stack gap={6} mt="xs">
          {question.choices.map((c) => (
            <Checkbox key={c.id} value={c.id} label={c.text} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return (
    <Radio.Group label={label} description={description} value={picked[0] ?? null} onChange={(v) => onChange([v])}>
      <Stack gap={6} mt="xs">
        {question.choices.map((c) => (
          <Radio key={c.id} value={c.id} label={c.text} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A course's quiz: answer, submit, see the score and whether it passed (retake as often as needed). */
export function QuizView({ course }: { course: CourseFieldsFragment }) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<SubmitQuizMutation['submitQuiz'] | null>(null);
  const [submit] = useMutation(SubmitQuizDocument);
  const action = useAction();
  const send = () =>
    action.run(async () => {
      const { data } = await submit({
        variables: { input: { courseId: course.id, answers: course.quiz.map((q) => ({ questionId: q.id, choiceIds: answers[q.id] ?? [] })) } },
      });
      if (data) setResult(data.submitQuiz);
    });
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Quiz
      </Title>
      <Text c="dimmed" size="sm">
        Pass mark: {course.passMark}%.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Stack gap="lg">
          {course.quiz.map((q) => (
            <Paper key={q.id} withBorder p="md" radius="md">
              <QuestionField
                question={q}
                picked={answers[q.id] ?? []}
                onChange={(ids) => setAnswers((a) => ({ ...a, [q.id]: ids }))}
                result={result ? result.correctQuestionIds.includes(q.id) : null}
              />
            </Paper>
          ))}
          {action.error && <ErrorAlert error={action.error} />}
          <Button type="submit" loading={action.busy} w="fit-content">
            {result ? 'Submit again' : 'Submit answers'}
          </Button>
        </Stack>
      </form>
      {result && (
        <Alert color={result.passed ? 'green' : 'orange'} title={result.passed ? 'Passed' : 'Not passed yet'} role="status">
          <Stack gap={4}>
            <Text>
              You scored {result.score}% (pass mark {result.passMark}%).
            </Text>
            {result.enrolment.completedAt ? (
              <Anchor component={Link} to={trainingPaths.certificate(course.id)} underline="always">
                See your certificate
              </Anchor>
            ) : result.passed ? (
              <Text size="sm">Finish the remaining lessons to complete the course.</Text>
            ) : (
              <Text size="sm">Review the lessons and try again.</Text>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
