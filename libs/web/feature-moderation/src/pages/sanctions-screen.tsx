import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { REASON_MAX_LENGTH } from '@commons/shared-contracts';
import { ModerationSanctionsDocument, RevokeSanctionDocument, toApiError, useForm, type SanctionFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, QueryState, dateTime } from '@commons/web-ui';
import { SANCTION_KIND, SANCTION_NOUN } from '../labels';
import { useModerationScope } from '../moderation-scope';
import { forgetModerationLists } from '../queue/queue-cache';

function RevokeDialog({ sanction, onClose }: { sanction: SanctionFieldsFragment; onClose: () => void }) {
  const [revoke, { loading }] = useMutation(RevokeSanctionDocument);
  const form = useForm({ reason: '' }, { reason: (r) => (!r.trim() ? 'Say why it ends early.' : r.length > REASON_MAX_LENGTH ? `Keep it to ${REASON_MAX_LENGTH} characters.` : undefined) });
  const what = `${SANCTION_NOUN[sanction.kind]} of ${sanction.account.displayName}`;
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={`Revoke the ${what}`}>
      <form
        noValidate
        aria-label={`Revoke the ${what}`}
        onSubmit={form.submit(async ({ reason }) => {
          await revoke({ variables: { id: sanction.id, reason: reason.trim() }, update: (cache) => forgetModerationLists(cache, 'moderationSanctions', 'auditLog') });
          onClose();
        })}
      >
        <Stack>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Textarea label="Reason" description={`${sanction.account.displayName} sees it.`} required autosize minRows={2} data-autofocus {...form.field('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={loading}>
              Revoke
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Sanctions in force (or all of them), with "Revoke" on those in force. Imposed from a queue item. */
export function SanctionsScreen() {
  const scope = useModerationScope();
  const [which, setWhich] = useState<'active' | 'all'>('active');
  const [revoking, setRevoking] = useState<SanctionFieldsFragment | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(ModerationSanctionsDocument, {
    variables: { communityId: scope.communityId, accountId: null, activeOnly: which === 'active' },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const sanctions = shown?.moderationSanctions ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={3}>Sanctions</Title>
          <Text size="sm" c="dimmed">
            Warn or mute an author from an item in the queue.
          </Text>
        </Stack>
        <SegmentedControl
          aria-label="Which sanctions"
          value={which}
          onChange={(v) => setWhich(v === 'all' ? 'all' : 'active')}
          data={[
            { value: 'active', label: 'In force' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={sanctions.length === 0} emptyText={which === 'active' ? 'No sanction is in force.' : 'No sanctions yet.'} onRetry={() => void refetch()}>
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder striped fz="sm" aria-label="Sanctions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Sanction</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Until</Table.Th>
                <Table.Th scope="col">By</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sanctions.map((sanction) => (
                <Table.Tr key={sanction.id}>
                  <Table.Td>{sanction.account.displayName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {SANCTION_KIND[sanction.kind]}
                      {(sanction.revokedAt || (!sanction.active && sanction.kind !== 'WARN')) && (
                        <Badge size="xs" variant="outline" color="gray.7" tt="none">
                          {sanction.revokedAt ? 'Revoked' : 'Ended'}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{sanction.reason}</Table.Td>
                  <Table.Td>{sanction.kind === 'WARN' ? '—' : sanction.endsAt ? dateTime(sanction.endsAt) : 'Until revoked'}</Table.Td>
                  <Table.Td>
                    {sanction.createdBy.displayName}, {dateTime(sanction.createdAt)}
                  </Table.Td>
                  <Table.Td>
                    {sanction.active && !sanction.revokedAt && (
                      <Button size="compact-sm" variant="default" onClick={() => setRevoking(sanction)} aria-label={`Revoke the ${SANCTION_NOUN[sanction.kind]} of ${sanction.account.displayName}`}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      {revoking && <RevokeDialog sanction={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}
