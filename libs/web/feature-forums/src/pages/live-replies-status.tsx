import { Button, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { count } from '@commons/web-ui';

/**
 * Where the thread page tells, politely, about replies that arrived while it was open: those
 * beyond the loaded pages as "N new replies — Show" (kept in view at the bottom while the
 * replies scroll by), those added at the end only to screen readers (they are marked new).
 */
export function LiveRepliesStatus({
  waiting,
  latestShownBy,
  loading,
  onShow,
}: {
  /** New replies beyond the loaded pages. */
  waiting: number;
  /** The author of the latest new reply added at the end, if any. */
  latestShownBy: string | null;
  loading: boolean;
  onShow: () => void;
}) {
  return (
    <div role="status" aria-live="polite" style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 1 }}>
      {waiting > 0 ? (
        <Paper withBorder shadow="sm" radius="xl" px="md" py={6} w="fit-content" mx="auto">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{count(waiting, 'new reply', 'new replies')} —</Text>
            <Button size="compact-sm" variant="light" loading={loading} onClick={onShow} aria-label={`Show ${count(waiting, 'new reply', 'new replies')}`}>
              Show
            </Button>
          </Group>
        </Paper>
      ) : (
        latestShownBy !== null && <VisuallyHidden>New reply by {latestShownBy}, at the end of the replies.</VisuallyHidden>
      )}
    </div>
  );
}
