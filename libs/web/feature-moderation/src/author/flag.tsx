import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { FLAG_REASONS } from '@commons/shared-contracts';
import { FlagContentDocument, useForm, type ContentKind, type FlagReason } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { FLAG_REASON } from '../labels';

const REASONS = FLAG_REASONS.map((reason) => ({ value: reason, label: FLAG_REASON[reason] }));

function FlagDialog({ contentKind, contentId, what, onClose, onFlagged }: { contentKind: ContentKind; contentId: string; what: string; onClose: () => void; onFlagged: (hidden: boolean) => void }) {
  const [flag, { loading }] = useMutation(FlagContentDocument);
  const form = useForm(
    { reason: null as FlagReason | null, detail: '' },
    {
      reason: (reason) => (reason ? undefined : 'Choose what is wrong with it.'),
      detail: (detail, values) => (values.reason === 'OTHER' && !detail.trim() ? 'Say what is wrong with it.' : detail.length > 500 ? 'Keep it to 500 characters.' : undefined),
    },
  );
  const send = form.submit(async ({ reason, detail }) => {
    if (!reason) return;
    const { data } = await flag({ variables: { input: { contentKind, contentId, reason, detail: detail.trim() } } });
    onFlagged(data?.flagContent.hidden ?? false);
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={`Flag ${what}`}>
      <form
        noValidate
        aria-label={`Flag ${what}`}
        // The dialog sits in a portal, but React bubbles its submit to the forms around the button
        // (a reply form, say): it stops here.
        onSubmit={(event) => {
          event.stopPropagation();
          void send(event);
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            The community’s moderators review flagged posts. Only they see who flagged.
          </Text>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Select label="What is wrong with it?" required data={REASONS} value={form.values.reason} onChange={(v) => form.set('reason', v as FlagReason | null)} error={form.error('reason')} allowDeselect={false} />
          <Textarea label="Details" description="Optional, unless you chose “Something else”." autosize minRows={2} maxRows={6} {...form.field('detail')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color="red.8" loading={loading}>
              Flag
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Flag" on someone else's post: a reason and a detail for the moderators; thanks afterwards. */
export function FlagButton({ contentKind, contentId, what }: { contentKind: ContentKind; contentId: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<null | { hidden: boolean }>(null);
  if (done) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {done.hidden ? 'Flagged: it is hidden until a moderator reviews it.' : 'Flagged: thank you, a moderator will look at it.'}
      </Text>
    );
  }
  return (
    <>
      <Button size="compact-sm" variant="subtle" c="gray.8" color="gray" onClick={() => setOpen(true)} aria-label={`Flag ${what}`}>
        Flag
      </Button>
      {open && (
        <FlagDialog
          contentKind={contentKind}
          contentId={contentId}
          what={what}
          onClose={() => setOpen(false)}
          onFlagged={(hidden) => {
            setOpen(false);
            setDone({ hidden });
          }}
        />
      )}
    </>
  );
}
