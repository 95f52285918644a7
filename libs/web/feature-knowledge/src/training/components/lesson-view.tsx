import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CompleteLessonDocument, useAction, type CourseFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, SanitizedHtml } from '@commons/web-ui';

type Lesson = CourseFieldsFragment['lessons'][number];

/** One lesson in the player: its text, video and linked articles; mark it done and go on. */
export function LessonView({ lesson, done, next, keepInView }: { lesson: Lesson; done: boolean; next: { label: string; to: string } | null; keepInView: () => void }) {
  const [complete] = useMutation(CompleteLessonDocument);
  const action = useAction();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {lesson.position}. {lesson.title}
        </Title>
        {done && <Badge color="green">Done</Badge>}
      </Group>
      {lesson.videoUrl && (
        <iframe
          src={lesson.videoUrl}
          title={`Video: ${lesson.title}`}
          style={{ width: '100%', aspectRatio: '16 / 9', border: 0 }}
          sandbox="allow-scripts allow-same-origin allow-presentation"
          allow="fullscreen"
          referrerPolicy="no-referrer"
        />
      )}
      <SanitizedHtml html={lesson.bodyHtml} topLevel={3} />
      {lesson.articleIds.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Read more
          </Title>
          <List>
            {lesson.articleIds.map((id, i) => (
              <List.Item key={id}>
                <Anchor component={Link} to={`/knowledge/articles/${id}`}>
                  Article {i + 1}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {action.error && <ErrorAlert error={action.error} />}
      <Group gap="xs">
        {!done && (
          <Button loading={action.busy} onClick={() => {
              // Stay on this lesson once it is done (the player otherwise opens the first lesson not done).
              keepInView();
              void action.run(() => complete({ variables: { lessonId: lesson.id } }));
            }}>
            Mark as done
          </Button>
        )}
        {next && (
          <Button component={Link} to={next.to} variant={done ? 'filled' : 'default'}>
            {next.label}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
