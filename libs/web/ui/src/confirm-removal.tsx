import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert, type DisplayableError } from './error-alert';

/**
 * Asks before something is removed for everyone: what happens, then Remove or Keep it.
 * Presentational: the caller removes (`onConfirm`) and passes back the server's refusal.
 */
export function ConfirmRemoval({
  title,
  consequence,
  confirmLabel,
  busy,
  error = null,
  onConfirm,
  onCancel,
}: {
  title: string;
  consequence: string;
  confirmLabel: string;
  busy: boolean;
  error?: DisplayableError | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Alert color="red" title={title} variant="light">
      <Stack gap="xs">
        <Text size="sm">{consequence} This cannot be undone.</Text>
        {error && <ErrorAlert error={error} />}
        <Group gap="xs">
          <Button color="red" size="xs" loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="default" size="xs" onClick={onCancel} disabled={busy}>
            Keep it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
