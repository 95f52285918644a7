import { Button } from '@mantine/core';

/**
 * Follow or unfollow something (a thread, a category, a tag): a toggle button whose pressed
 * state says whether the viewer follows it. Presentational: the caller sends the change.
 */
export function FollowToggle({ following, busy = false, label, onToggle, disabled = false }: { following: boolean; busy?: boolean; label: string; onToggle: (follow: boolean) => void; disabled?: boolean }) {
  return (
    <Button
      size="compact-sm"
      variant={following ? 'light' : 'default'}
      aria-pressed={following}
      loading={busy}
      disabled={disabled}
      leftSection={following ? <span aria-hidden="true">✓</span> : undefined}
      onClick={() => onToggle(!following)}
    >
      {label}
    </Button>
  );
}
