import { useState, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';

/**
 * An edit that started from an older version (the server answered CONFLICT): say what happened
 * and offer the current version. The button shows it is busy while `onReload`'s promise runs,
 * or while `reloading` says so.
 */
export function ConflictAlert({
  what,
  title = 'Someone changed it meanwhile',
  message,
  onReload,
  reloading = false,
}: {
  /** What was edited, as in "Reload the thread". */
  what: string;
  title?: string;
  /** What happened and what to do; by default, that someone changed the `what` meanwhile. */
  message?: ReactNode;
  onReload: () => unknown;
  reloading?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="orange" title={title} role="alert" variant="light">
      <Stack gap="xs">
        <Text size="sm">
          {message ??
            `Someone changed this ${what} while you were editing it, so your changes were not saved. Reload to see the current version, then edit again (copy your text first if you want to keep it).`}
        </Text>
        <Button
          size="xs"
          variant="filled"
          color="orange.9"
          w="fit-content"
          loading={reloading || busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          Reload the {what}
        </Button>
      </Stack>
    </Alert>
  );
}
