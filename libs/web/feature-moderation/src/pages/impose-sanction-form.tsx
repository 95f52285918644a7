import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { ImposeSanctionDocument, useForm, type SanctionKind } from '@commons/web-data-access';
import { ErrorAlert, FormActions } from '@commons/web-ui';
import { TONE } from '../labels';
import { forgetModerationLists } from '../queue/queue-cache';

/** Up to a year, in hours, as the server takes it. */
const MAX_HOURS = 24 * 365;

/**
 * Warns the author of an item, or mutes them in its community for some hours (they cannot post
 * there until then). The person sees the reason.
 */
export function ImposeSanctionForm({ account, communityId, onDone }: { account: { id: string; displayName: string }; communityId: string; onDone: () => void }) {
  const [impose, { loading }] = useMutation(ImposeSanctionDocument);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(
    { kind: 'WARN' as Extract<SanctionKind, 'WARN' | 'MUTE'>, durationHours: 24 as number | null, reason: '' },
    {
      reason: (reason) => (!reason.trim() ? 'Give a reason (the person sees it).' : reason.length > 500 ? 'Keep it to 500 characters.' : undefined),
      durationHours: (hours, values) => (values.kind === 'MUTE' && (hours === null || hours < 1 || hours > MAX_HOURS) ? `Between 1 and ${MAX_HOURS.toLocaleString('en')} hours.` : undefined),
    },
  );
  if (done) {
    return (
      <Alert color={TONE.good} role="status" variant="light" title="Sanction recorded">
        <Stack gap="xs">
          <Text size="sm">{done}</Text>
          <Button size="compact-sm" variant="default" w="fit-content" onClick={onDone}>
            Close
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md">
      <form
        noValidate
        aria-labelledby="sanction-heading"
        onSubmit={form.submit(async (values) => {
          await impose({
            variables: {
              input: { accountId: account.id, communityId, kind: values.kind, reason: values.reason.trim(), durationHours: values.kind === 'MUTE' ? values.durationHours : null },
            },
            update: (cache) => forgetModerationLists(cache, 'moderationSanctions', 'auditLog'),
            refetchQueries: ['ModerationQueueItem'],
          });
          setDone(values.kind === 'MUTE' ? `${account.displayName} cannot post here for ${values.durationHours} hours.` : `${account.displayName} was warned.`);
        })}
      >
        <Stack gap="sm">
          <Title order={4} id="sanction-heading">
            Warn or mute {account.displayName}
          </Title>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Radio.Group label="Sanction" value={form.values.kind} onChange={(v) => form.set('kind', v as 'WARN' | 'MUTE')}>
            <Stack gap={6} mt={6}>
              <Radio value="WARN" label="Warn" description="Recorded and shown to them; nothing is restricted." />
              <Radio value="MUTE" label="Mute in this community" description="They cannot post here until it ends." />
            </Stack>
          </Radio.Group>
          {form.values.kind === 'MUTE' && (
            <NumberInput
              label="For how many hours"
              min={1}
              max={MAX_HOURS}
              allowDecimal={false}
              value={form.values.durationHours ?? ''}
              onChange={(v) => form.set('durationHours', typeof v === 'number' ? v : null)}
              error={form.error('durationHours')}
            />
          )}
          <Textarea label="Reason" description="They see it." required autosize minRows={2} {...form.field('reason')} />
          <FormActions submitLabel={form.values.kind === 'MUTE' ? 'Mute' : 'Warn'} busy={loading} onCancel={onDone} size="xs" />
        </Stack>
      </form>
    </Paper>
  );
}
