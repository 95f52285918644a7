import { Badge, Button, Group, Stack } from '@mantine/core';
import { REACTION_KINDS, type Reaction, type ReactionKind } from '@commons/shared-contracts';
import { ErrorAlert, type DisplayableError } from './error-alert';
import { REACTION } from './reactions';

/**
 * The four reactions with their counts. Each is a toggle (aria-pressed) for people who may
 * react; others see the counts on disabled buttons. Presentational: the caller sends the
 * change (`onToggle`) and passes back the error, if the server refused it.
 */
export function ReactionsBar({
  reactions,
  onToggle,
  canReact,
  label,
  size = 'compact-sm',
  error = null,
}: {
  reactions: readonly Reaction[];
  onToggle: (kind: ReactionKind, on: boolean) => void;
  canReact: boolean;
  /** The group's accessible name: "Reactions to this post". */
  label: string;
  size?: 'compact-xs' | 'compact-sm';
  error?: DisplayableError | null;
}) {
  return (
    <Stack gap={4}>
      <Group gap={6} role="group" aria-label={label}>
        {REACTION_KINDS.map((kind) => {
          const reaction = reactions.find((r) => r.kind === kind);
          const mine = reaction?.mine ?? false;
          const n = reaction?.count ?? 0;
          return (
            <Button
              key={kind}
              size={size}
              variant={mine ? 'light' : 'subtle'}
              color={mine ? 'blue' : 'gray'}
              // The subtle variant's own text colour is too light on white.
              c={mine ? undefined : 'gray.8'}
              aria-pressed={mine}
              disabled={!canReact}
              onClick={() => onToggle(kind, !mine)}
              leftSection={<span aria-hidden="true">{REACTION[kind].emoji}</span>}
              rightSection={
                <Badge size="sm" variant={mine ? 'filled' : 'outline'} color={mine ? 'blue.8' : 'gray.7'} circle={n < 10}>
                  {n}
                </Badge>
              }
            >
              {REACTION[kind].label}
            </Button>
          );
        })}
      </Group>
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}
