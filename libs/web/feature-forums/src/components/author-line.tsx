import { Group, Text } from '@mantine/core';
import { PersonAvatar, dateTime } from '@commons/web-ui';

interface Author {
  id: string;
  displayName: string;
  initials: string;
  title: string | null;
}

/** Who wrote a post and when, with an "edited" marker when it changed since. */
export function AuthorLine({ author, createdAt, editedAt, verb }: { author: Author | null; createdAt: string; editedAt: string | null; verb: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      {author ? (
        <PersonAvatar id={author.id} initials={author.initials} name={author.displayName} size="sm" />
      ) : null}
      <Text size="sm">
        <Text span fw={600} size="sm">
          {author?.displayName ?? 'Removed'}
        </Text>
        {author?.title ? (
          <Text span c="dimmed" size="sm">
            {' '}
            · {author.title}
          </Text>
        ) : null}
        <Text span c="dimmed" size="sm">
          {' '}
          · {verb}{' '}
          <time dateTime={createdAt}>{dateTime(createdAt)}</time>
        </Text>
        {editedAt && (
          <Text span c="dimmed" size="sm" title={`Edited ${dateTime(editedAt)}`}>
            {' '}
            · edited
          </Text>
        )}
      </Text>
    </Group>
  );
}
