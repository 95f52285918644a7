import { Button, Group, Paper, Text } from '@mantine/core';
import { count } from './format';

/**
 * At the top of a list: "3 new threads — Show", for what arrived while it was open. Nothing is
 * inserted under the reader's cursor; the list is loaded again when they ask. After the live
 * connection came back from a drop (`missed`), it offers to load the latest, as some may have
 * come unseen. The status region stays mounted so that screen readers hear each change, politely.
 */
export function NewItemsNotice({
  waiting,
  one,
  many,
  loading,
  missed = false,
  onShow,
}: {
  waiting: number;
  one: string;
  many: string;
  loading?: boolean;
  missed?: boolean;
  onShow: () => void;
}) {
  const what = waiting > 0 ? `${count(waiting, one, many)}${missed ? ' or more' : ''}` : `Back online, there may be ${many}`;
  const action = waiting > 0 ? `Show ${what}` : `Show the latest ${many}`;
  return (
    <div role="status" aria-live="polite">
      {(waiting > 0 || missed) && (
        <Paper withBorder radius="xl" px="md" py={6} w="fit-content">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{what} —</Text>
            <Button size="compact-sm" variant="light" loading={loading} onClick={onShow} aria-label={action}>
              Show
            </Button>
          </Group>
        </Paper>
      )}
    </div>
  );
}
