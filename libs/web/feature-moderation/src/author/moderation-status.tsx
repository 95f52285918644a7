import { Group } from '@mantine/core';
import type { ModerationState } from '@commons/web-data-access';
import { ModerationStateBadge } from '@commons/web-ui';
import { AppealButton } from './appeal';

/**
 * Where a post stands with moderation, for the two who see a post that is not visible: its
 * author (with "Appeal") and the moderators. Nothing for a visible post.
 */
export function ModerationStatus({ state, mine, contentId, what }: { state: ModerationState; mine: boolean; contentId: string; what: string }) {
  if (state === 'VISIBLE') return null;
  return (
    <Group gap="xs" align="center">
      <ModerationStateBadge state={state} />
      {mine && <AppealButton targetKind="QUEUE_ITEM" targetId={contentId} what={what} size="compact-xs" />}
    </Group>
  );
}
