import { Button, Group, type MantineSize } from '@mantine/core';

/** A form's send button and, when the form can be left, its Cancel beside it. */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  size,
}: {
  submitLabel: string;
  /** The form is being sent: the button spins and Cancel waits. */
  busy: boolean;
  onCancel?: () => void;
  size?: MantineSize;
}) {
  return (
    <Group gap="xs">
      <Button type="submit" size={size} loading={busy}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" size={size} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
