import { Button, Group, Paper, Text } from '@mantine/core';
import { count } from './format';

/**
 * At the top of a list: "3 new threads — Show", for what arrived while it was open. Nothing is
 * inserted under the reader's cursor; the list is loaded again when they ask. The status region
 * stays mounted so that screen readers hear each change, politely.
 */
export function NewItemsNotice({ waiting, one, many, loading, onShow }: { waiting: number; one: string; many: string; loading?: boolean; onShow: () => void }) {
  const what = count(waiting, one, many);
  return (
    <div role="status" aria-live="polite">
      {waiting > 0 && (
        <Paper withBorder radius="xl" px="md" py={6} w="fit-content">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{what} —</Text>
            <Button size="compact-sm" variant="light" loading={loading} onClick={onShow} aria-label={`Show ${what}`}>
              Show
            </Button>
          </Group>
        </Paper>
      )}
    </div>
  );
}
