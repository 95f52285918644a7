import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Blockquote, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { REASON_MAX_LENGTH } from '@commons/shared-contracts';
import { DecideAppealDocument, ModerationAppealsDocument, toApiError, useForm, type AppealStatus, type ModerationAppealFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, FormActions, QueryState, dateTime } from '@commons/web-ui';
import { APPEAL_STATUS, APPEAL_TARGET } from '../labels';
import { useModerationScope } from '../moderation-scope';
import { forgetModerationLists } from '../queue/queue-cache';

const STATUSES: AppealStatus[] = ['PENDING', 'UPHELD', 'OVERTURNED'];

/** Overturn or uphold, with the reason the appellant reads. The one who made the decision may not decide its appeal. */
function DecideForm({ appeal, overturn, onDone }: { appeal: ModerationAppealFieldsFragment; overturn: boolean; onDone: () => void }) {
  const [decide, { loading }] = useMutation(DecideAppealDocument);
  const form = useForm({ reason: '' }, { reason: (r) => (!r.trim() ? 'Give a reason (the author reads it).' : r.length > REASON_MAX_LENGTH ? `Keep it to ${REASON_MAX_LENGTH} characters.` : undefined) });
  return (
    <form
      noValidate
      aria-label={overturn ? 'Overturn the decision' : 'Uphold the decision'}
      onSubmit={form.submit(async ({ reason }) => {
        await decide({
          variables: { input: { appealId: appeal.id, overturn, reason: reason.trim() } },
          update: (cache) => forgetModerationLists(cache, 'moderationAppeals', 'moderationQueue', 'moderationSanctions', 'auditLog'),
        });
        onDone();
      })}
    >
      <Stack gap="xs">
        {form.generalError && <ErrorAlert error={form.generalError} />}
        <Textarea
          label={overturn ? 'Why the decision is overturned' : 'Why the decision stands'}
          description={`${appeal.appellant.displayName} reads it.${overturn ? ' The post is published, or the sanction lifted.' : ''}`}
          required
          autosize
          minRows={2}
          autoFocus
          {...form.field('reason')}
        />
        <FormActions submitLabel={overturn ? 'Overturn' : 'Uphold'} busy={loading} onCancel={onDone} size="xs" />
      </Stack>
    </form>
  );
}

function AppealCard({ appeal }: { appeal: ModerationAppealFieldsFragment }) {
  const [deciding, setDeciding] = useState<null | 'overturn' | 'uphold'>(null);
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="appeal">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{appeal.subject}</Text>
            <Text size="xs" c="dimmed">
              {APPEAL_TARGET[appeal.targetKind]} · appealed by {appeal.appellant.displayName} on {dateTime(appeal.createdAt)}
              {appeal.originalDecider ? ` · decided by ${appeal.originalDecider.displayName}` : ' · decided by the policy'}
            </Text>
          </Stack>
          <Badge variant={appeal.status === 'PENDING' ? 'outline' : 'filled'} color={appeal.status === 'OVERTURNED' ? 'teal.9' : appeal.status === 'UPHELD' ? 'gray.8' : '#b3400c'} tt="none">
            {APPEAL_STATUS[appeal.status]}
          </Badge>
        </Group>
        {appeal.excerpt && (
          <Paper bg="gray.0" p="xs" radius="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {appeal.excerpt}
            </Text>
          </Paper>
        )}
        <Blockquote color="blue" p="xs" cite={`— ${appeal.appellant.displayName}`}>
          <Text size="sm">{appeal.message}</Text>
        </Blockquote>
        {appeal.status !== 'PENDING' && (
          <Text size="sm">
            {APPEAL_STATUS[appeal.status]} by {appeal.decidedBy?.displayName ?? 'a moderator'}
            {appeal.decidedAt ? ` on ${dateTime(appeal.decidedAt)}` : ''}: {appeal.decisionReason}
          </Text>
        )}
        {appeal.status === 'PENDING' &&
          (deciding ? (
            <DecideForm appeal={appeal} overturn={deciding === 'overturn'} onDone={() => setDeciding(null)} />
          ) : (
            <Group gap="xs">
              <Button size="compact-sm" color="teal.9" onClick={() => setDeciding('overturn')}>
                Overturn…
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setDeciding('uphold')}>
                Uphold…
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

/** Appeals against moderation decisions: pending ones to decide, decided ones to look back on. */
export function AppealsScreen() {
  const scope = useModerationScope();
  const [status, setStatus] = useState<AppealStatus>('PENDING');
  const { data, previousData, loading, error, refetch } = useQuery(ModerationAppealsDocument, { variables: { communityId: scope.communityId, status }, fetchPolicy: 'cache-and-network' });
  const shown = data ?? previousData;
  const appeals = shown?.moderationAppeals ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Appeals</Title>
        <SegmentedControl aria-label="Appeals to show" value={status} onChange={(v) => setStatus(v as AppealStatus)} data={STATUSES.map((s) => ({ value: s, label: APPEAL_STATUS[s] }))} />
      </Group>
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={appeals.length === 0} emptyText={status === 'PENDING' ? 'No appeal is waiting.' : 'None yet.'} onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Appeals">
          {appeals.map((appeal) => (
            <AppealCard key={appeal.id} appeal={appeal} />
          ))}
        </Stack>
      </QueryState>
    </Stack>
  );
}
