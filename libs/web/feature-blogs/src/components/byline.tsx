import { Fragment } from 'react';
import { Group, Text } from '@mantine/core';
import { PersonAvatar } from '@commons/web-ui';
import { PersonName } from './person-name';

/** "By Ada Lovelace with Grace Hopper and Alan Turing" (co-authors come as ids). */
export function Byline({ author, coAuthorIds, children }: { author: { id: string; displayName: string; initials: string }; coAuthorIds: readonly string[]; children?: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <PersonAvatar id={author.id} initials={author.initials} name={author.displayName} size="sm" />
      <Text size="sm" c="dimmed">
        By <Text span fw={500} c="var(--mantine-color-text)">{author.displayName}</Text>
        {coAuthorIds.length > 0 && ' with '}
        {coAuthorIds.map((id, i) => (
          <Fragment key={id}>
            {i > 0 && (i === coAuthorIds.length - 1 ? ' and ' : ', ')}
            <Text span fw={500} c="var(--mantine-color-text)">
              <PersonName id={id} />
            </Text>
          </Fragment>
        ))}
        {children && <> · {children}</>}
      </Text>
    </Group>
  );
}
