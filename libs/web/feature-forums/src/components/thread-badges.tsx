import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { ThreadCardFieldsFragment } from '@commons/web-data-access';
import { ModerationStateBadge } from '@commons/web-ui';

/** What kind of thread it is and what state it is in, in words (colours are a second cue only). */
export function ThreadBadges({ thread, duplicateHref }: { thread: ThreadCardFieldsFragment; duplicateHref?: string }) {
  return (
    <Group gap={6}>
      {thread.kind === 'QUESTION' && (
        <Badge variant="light" color="blue">
          Question
        </Badge>
      )}
      {thread.kind === 'QUESTION' && thread.acceptedReplyId && (
        <Badge variant="filled" color="teal.9">
          Answered
        </Badge>
      )}
      {thread.pinned && (
        <Badge variant="outline" color="grape.8">
          Pinned
        </Badge>
      )}
      {thread.locked && (
        <Badge variant="outline" color="orange.9">
          Locked
        </Badge>
      )}
      {thread.duplicateOfId && (
        <Badge variant="outline" color="gray.7">
          {duplicateHref ? (
            <Anchor component={Link} to={duplicateHref} inherit c="inherit" underline="always">
              Duplicate
            </Anchor>
          ) : (
            'Duplicate'
          )}
        </Badge>
      )}
      <ModerationStateBadge state={thread.moderationState} />
      {thread.deleted && (
        <Badge variant="outline" color="gray.7">
          Removed
        </Badge>
      )}
    </Group>
  );
}
