import { Badge } from '@mantine/core';

/** Where a post stands with moderation, as the API names it. */
export type ModerationStateName = 'VISIBLE' | 'HELD' | 'HIDDEN' | 'REJECTED';

/** The words each state that is not VISIBLE shows (only its author and the moderators see such a post). */
export const MODERATION_STATE_LABEL: Record<Exclude<ModerationStateName, 'VISIBLE'>, string> = {
  HELD: 'Awaiting review',
  HIDDEN: 'Awaiting review',
  REJECTED: 'Rejected by a moderator',
};

/**
 * "Awaiting review" on a post the policy held or flags hid, "Rejected by a moderator" on one a
 * moderator rejected; nothing on a visible post. Words first, colour as a second cue.
 */
export function ModerationStateBadge({ state }: { state: ModerationStateName }) {
  if (state === 'VISIBLE') return null;
  return (
    <Badge variant="outline" color={state === 'REJECTED' ? 'red.9' : '#b3400c'} tt="none" data-testid="moderation-state">
      {MODERATION_STATE_LABEL[state]}
    </Badge>
  );
}
