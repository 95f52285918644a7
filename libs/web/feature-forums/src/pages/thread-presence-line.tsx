import { Group, Text } from '@mantine/core';
import { useRealtimeStatus } from '@commons/web-data-access';
import { useViewerId } from '@commons/web-feature-moderation';
import { readersLabel, typingLabel } from '../presence-label';
import { useThreadPresence } from '../use-thread-presence';

/**
 * A quiet line under the replies: how many people read the thread ("3 people reading", nothing
 * while the viewer reads alone) and who else is writing a reply ("Ada Lovelace is typing…").
 * Only who is typing is announced, politely: counts that come and go would be noise. The region
 * stays mounted so that screen readers hear the change; nothing is shown while the live
 * connection is down (what was known then may no longer be true).
 */
export function ThreadPresenceLine({ threadId }: { threadId: string }) {
  const presence = useThreadPresence(threadId);
  const viewerId = useViewerId();
  const current = useRealtimeStatus() === 'reconnecting' ? null : presence;
  const readers = current ? readersLabel(current.readers) : null;
  const typing = current ? typingLabel(current.typing, viewerId) : null;
  return (
    <Group gap="md" wrap="wrap" data-testid="thread-presence">
      {readers && (
        <Text size="sm" c="dimmed" data-testid="thread-readers">
          {readers}
        </Text>
      )}
      <Text size="sm" c="dimmed" fs="italic" component="div" aria-live="polite" aria-atomic="true" data-testid="thread-typing">
        {typing}
      </Text>
    </Group>
  );
}
