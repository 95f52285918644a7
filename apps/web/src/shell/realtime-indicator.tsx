import { Group, Loader, Text } from '@mantine/core';
import { useRealtimeStatus } from '@commons/web-data-access';

/**
 * A quiet note in the top bar while the live connection is down and being re-established;
 * nothing otherwise. The status region stays mounted so that screen readers hear the change.
 */
export function RealtimeIndicator() {
  const reconnecting = useRealtimeStatus() === 'reconnecting';
  return (
    <div role="status" aria-live="polite">
      {reconnecting && (
        <Group gap={6} wrap="nowrap">
          <Loader size={12} color="gray" aria-hidden />
          <Text size="xs" c="dimmed">
            Reconnecting… live updates paused
          </Text>
        </Group>
      )}
    </div>
  );
}
