import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea, type MantineSize } from '@mantine/core';
import { APPEAL_MESSAGE_MAX_LENGTH } from '@commons/shared-contracts';
import { AppealModerationDocument, useForm, type AppealTarget } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';

const checkMessage = (message: string) =>
  !message.trim() ? 'Say why the decision should change.' : message.length > APPEAL_MESSAGE_MAX_LENGTH ? `Keep it to ${APPEAL_MESSAGE_MAX_LENGTH.toLocaleString('en')} characters.` : undefined;

/** The appeal's form: why the decision should change; a moderator who did not make it decides. */
export function AppealDialog({ targetKind, targetId, what, onClose, onSent }: { targetKind: AppealTarget; targetId: string; what: string; onClose: () => void; onSent: () => void }) {
  const [appeal, { loading }] = useMutation(AppealModerationDocument);
  const form = useForm({ message: '' }, { message: checkMessage });
  const send = form.submit(async ({ message }) => {
    await appeal({
      variables: { input: { targetKind, targetId, message: message.trim() } },
      update: (cache) => {
        cache.evict({ id: 'ROOT_QUERY', fieldName: 'myModerationAppeals' });
        cache.gc();
      },
    });
    onSent();
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={`Appeal ${what}`}>
      <form
        noValidate
        aria-label={`Appeal ${what}`}
        // The dialog sits in a portal, but React bubbles its submit to the forms around the button
        // (a reply form, say): it stops here.
        onSubmit={(event) => {
          event.stopPropagation();
          void send(event);
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            A moderator who did not make the decision reads your appeal and either overturns or upholds it. You are told either way.
          </Text>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Textarea label="Why should the decision change?" required autosize minRows={3} maxRows={10} data-autofocus {...form.field('message')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Send appeal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * "Appeal" beside a moderation decision about the viewer's own post (a rejected attempt, a held
 * or rejected post, a sanction); once sent, a line saying so instead.
 */
export function AppealButton({ targetKind, targetId, what = 'this decision', size = 'compact-sm' }: { targetKind: AppealTarget; targetId: string; what?: string; size?: MantineSize | 'compact-sm' | 'compact-xs' }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Appeal sent: you will hear back in your notices.
      </Text>
    );
  }
  return (
    <>
      <Button size={size} variant="default" onClick={() => setOpen(true)}>
        Appeal
      </Button>
      {open && (
        <AppealDialog
          targetKind={targetKind}
          targetId={targetId}
          what={what}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            setSent(true);
          }}
        />
      )}
    </>
  );
}
