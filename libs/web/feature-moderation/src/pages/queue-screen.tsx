import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Checkbox, Grid, Group, Kbd, List, Modal, Paper, Select, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { ErrorCode, REASON_MAX_LENGTH } from '@commons/shared-contracts';
import {
  ModerationQueueDocument,
  ReviewModerationItemDocument,
  ReviewModerationItemsDocument,
  toApiError,
  useForm,
  type ApiError,
  type ModerationQueueSource,
  type QueueItemCardFieldsFragment,
  type ReviewAction,
} from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, NewItemsNotice, QueryState, count, dateTime } from '@commons/web-ui';
import { CONTENT_KIND, QUEUE_SOURCE, TONE } from '../labels';
import { useModerationScope } from '../moderation-scope';
import { forgetModerationLists, removeFromQueues, syncContentState } from '../queue/queue-cache';
import { decidedElsewhereText } from '../queue/queue-live';
import { useLiveQueue } from '../queue/use-live-queue';
import { QUEUE_SHORTCUTS, moveSelection, queueCommand, selectionAfterRemoval, toggled } from '../queue/queue-keys';
import { QueueItemDetail, itemName } from './queue-item-detail';

type Item = QueueItemCardFieldsFragment;

const SOURCES = [
  { value: 'ALL', label: 'Everything' },
  { value: 'POLICY', label: QUEUE_SOURCE.POLICY },
  { value: 'FLAGS', label: QUEUE_SOURCE.FLAGS },
];

/** The start of a post as one line of plain text (its Markdown source, never rendered). */
function excerpt(text: string, length = 140): string {
  const plain = text.replace(/\s+/gu, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length - 1)}…` : plain;
}

const checkReason = (reason: string) => (!reason.trim() ? 'Give the reason the author is shown.' : reason.length > REASON_MAX_LENGTH ? `Keep it to ${REASON_MAX_LENGTH} characters.` : undefined);

/** Asks why before rejecting one item or several; the authors read the reason. */
function RejectDialog({ what, busy, error, onReject, onClose }: { what: string; busy: boolean; error: ApiError | null; onReject: (reason: string) => Promise<boolean>; onClose: () => void }) {
  const form = useForm({ reason: '' }, { reason: checkReason });
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={`Reject ${what}`}>
      <form
        noValidate
        aria-label={`Reject ${what}`}
        onSubmit={form.submit(async ({ reason }) => {
          if (await onReject(reason.trim())) onClose();
        })}
      >
        <Stack>
          {error && <ErrorAlert error={error} />}
          <Textarea label="Reason" description="The author reads it and may appeal." required autosize minRows={2} data-autofocus {...form.field('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={busy}>
              Reject
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ShortcutLegend() {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="shortcuts-heading">
      <Title order={4} size="h6" id="shortcuts-heading">
        Keyboard shortcuts
      </Title>
      <List size="sm" spacing={2} listStyleType="none" p={0} mt={4}>
        {QUEUE_SHORTCUTS.map((shortcut) => (
          <List.Item key={shortcut.key}>
            <Kbd size="xs">{shortcut.key}</Kbd> {shortcut.label}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

function QueueRow({
  item,
  selected,
  checked,
  showCommunity,
  decidedElsewhere,
  onSelect,
  onCheck,
}: {
  item: Item;
  selected: boolean;
  checked: boolean;
  showCommunity: boolean;
  /** Another moderator decided it meanwhile: how it reads. */
  decidedElsewhere: string | null;
  onSelect: () => void;
  onCheck: () => void;
}) {
  const name = itemName(item);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid="queue-item"
      style={selected ? { borderColor: 'var(--mantine-color-blue-7)', borderWidth: 2, background: 'var(--mantine-color-blue-0)' } : undefined}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Checkbox mt={4} checked={checked && !decidedElsewhere} disabled={decidedElsewhere !== null} onChange={onCheck} aria-label={`Select ${name}`} />
        <UnstyledButton id={`queue-item-${item.id}`} onClick={onSelect} aria-current={selected ? 'true' : undefined} style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {name}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {excerpt(item.body)}
            </Text>
            <Group gap={6}>
              {decidedElsewhere && (
                <Badge size="sm" variant="filled" color="gray.8" tt="none">
                  {decidedElsewhere}
                </Badge>
              )}
              <Badge size="sm" variant="outline" color="gray.8" tt="none">
                {item.source === 'FLAGS' ? count(item.flags.length, 'flag') : CONTENT_KIND[item.contentKind]}
              </Badge>
              {item.escalated && (
                <Badge size="sm" variant="filled" color="red.9" tt="none">
                  Escalated
                </Badge>
              )}
              {item.decision?.ruleId && (
                <Badge size="sm" variant="outline" color="#b3400c" tt="none">
                  Rule: {item.decision.ruleId}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {item.author.displayName}
              {showCommunity ? ` in ${item.communityName}` : ''} · <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
            </Text>
          </Stack>
        </UnstyledButton>
      </Group>
    </Paper>
  );
}

/** The review's mutations: a decision answers the item, a conflict says someone decided first. */
function useReview(onDecided: (ids: string[], message: string) => void, onConflict: (message: string) => void, deciding: Set<string>) {
  const [reviewOne] = useMutation(ReviewModerationItemDocument);
  const [reviewMany] = useMutation(ReviewModerationItemsDocument);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const one = async (item: Item, action: ReviewAction, reason = '', editedBody: string | null = null): Promise<boolean> => {
    setBusy(true);
    setError(null);
    deciding.add(item.id);
    try {
      await reviewOne({
        variables: { input: { itemId: item.id, action, reason, editedBody } },
        update: (cache, { data }) => {
          const reviewed = data?.reviewModerationItem;
          if (!reviewed) return;
          if (reviewed.status !== 'PENDING') {
            removeFromQueues(cache, [reviewed.id], [reviewed.communityId]);
            syncContentState(cache, reviewed);
          }
          forgetModerationLists(cache, 'auditLog');
        },
      });
      const verb = action === 'APPROVE' ? (editedBody !== null ? 'Approved with your edit' : 'Approved') : action === 'REJECT' ? 'Rejected' : 'Escalated to the platform admins';
      onDecided(action === 'ESCALATE' ? [] : [item.id], `${verb}: ${itemName(item)}.`);
      return true;
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError?.code === ErrorCode.Conflict) {
        onConflict('Already decided by someone else: the queue was refreshed.');
        return true;
      }
      setError(apiError);
      return false;
    } finally {
      deciding.delete(item.id);
      setBusy(false);
    }
  };

  const many = async (items: Item[], action: Extract<ReviewAction, 'APPROVE' | 'REJECT'>, reason = ''): Promise<boolean> => {
    setBusy(true);
    setError(null);
    for (const item of items) deciding.add(item.id);
    try {
      const { data } = await reviewMany({
        variables: { input: { itemIds: items.map((i) => i.id), action, reason } },
        update: (cache, { data: answer }) => {
          const result = answer?.reviewModerationItems;
          if (!result) return;
          const decided = result.reviewed.filter((r) => r.status !== 'PENDING');
          const conflicts = items.filter((i) => result.conflicts.includes(i.id));
          removeFromQueues(cache, [...decided, ...conflicts].map((i) => i.id), [...decided, ...conflicts].map((i) => i.communityId));
          for (const reviewed of decided) syncContentState(cache, reviewed);
          forgetModerationLists(cache, 'auditLog');
        },
      });
      const result = data?.reviewModerationItems;
      const reviewed = result?.reviewed.length ?? 0;
      const conflicts = result?.conflicts.length ?? 0;
      const verb = action === 'APPROVE' ? 'Approved' : 'Rejected';
      onDecided(
        items.map((i) => i.id),
        `${verb} ${count(reviewed, 'item')}.${conflicts ? ` ${count(conflicts, 'item was', 'items were')} already decided by someone else.` : ''}`,
      );
      if (conflicts) onConflict(`${count(conflicts, 'item was', 'items were')} already decided by someone else: the queue was refreshed.`);
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      for (const item of items) deciding.delete(item.id);
      setBusy(false);
    }
  };

  return { one, many, busy, error, clearError: () => setError(null) };
}

/**
 * The review queue, oldest first: filters, a list to pick from (checkboxes for bulk decisions),
 * the picked item in full, and keyboard shortcuts for all of it.
 */
export function QueueScreen() {
  const scope = useModerationScope();
  const [source, setSource] = useState<ModerationQueueSource | null>(null);
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(ModerationQueueDocument, {
    variables: { communityId: scope.communityId, source, escalated: escalatedOnly ? true : null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const connection = shown?.moderationQueue;
  const items = connection?.edges.map((e) => e.node) ?? [];
  const ids = items.map((i) => i.id);

  const client = useApolloClient();
  const [deciding] = useState(() => new Set<string>());
  const queue = useLiveQueue(scope.communityId, { shown: (id) => ids.includes(id), deciding: (id) => deciding.has(id) }, () => refetch());
  const decidedElsewhere = queue.live.decidedElsewhere;

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId && ids.includes(selectedId) ? selectedId : (ids[0] ?? null);
  const selectedItem = items.find((i) => i.id === selected) ?? null;
  const selectedDecidedElsewhere = selected !== null && decidedElsewhere.has(selected);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const checkedItems = items.filter((i) => checked.has(i.id) && !decidedElsewhere.has(i.id));

  // Items another moderator decided leave the list, except the one being read: it stays, marked,
  // until the moderator moves on, so that nothing vanishes under their eyes.
  useEffect(() => {
    const gone = items.filter((i) => decidedElsewhere.has(i.id) && i.id !== selected);
    if (gone.length === 0) return;
    removeFromQueues(client.cache, gone.map((i) => i.id), gone.map((i) => i.communityId));
    queue.forget(gone.map((i) => i.id));
  });
  const [rejecting, setRejecting] = useState<Item[] | null>(null);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);

  const review = useReview(
    (decided, message) => {
      if (decided.length > 0) {
        setSelectedId(selectionAfterRemoval(ids, selected, decided));
        setChecked((c) => new Set([...c].filter((id) => !decided.includes(id))));
      }
      setConflict(null);
      setStatus(message);
    },
    (message) => {
      setConflict(message);
      void refetch();
    },
    deciding,
  );

  const select = (id: string | null) => {
    setSelectedId(id);
    review.clearError();
    if (id) document.getElementById(`queue-item-${id}`)?.scrollIntoView({ block: 'nearest' });
  };

  // The shortcuts act on the page, except while typing or while a dialog is open.
  const latest = useRef({ selected, selectedItem, ids, review, selectedDecidedElsewhere });
  useEffect(() => {
    latest.current = { selected, selectedItem, ids, review, selectedDecidedElsewhere };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const target = event.target instanceof HTMLElement ? { tagName: event.target.tagName, isContentEditable: event.target.isContentEditable, type: (event.target as HTMLInputElement).type } : null;
      const command = queueCommand({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target });
      if (!command) return;
      const state = latest.current;
      event.preventDefault();
      if (command === 'next' || command === 'previous') {
        const next = moveSelection(state.ids, state.selected, command === 'next' ? 1 : -1);
        setSelectedId(next);
        if (next) document.getElementById(`queue-item-${next}`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
      const item = state.selectedItem;
      if (!item || state.review.busy || state.selectedDecidedElsewhere) return;
      if (command === 'toggle') setChecked((c) => toggled(c, item.id));
      else if (command === 'approve') void state.review.one(item, 'APPROVE');
      else if (command === 'escalate' && !item.escalated) void state.review.one(item, 'ESCALATE');
      else if (command === 'reject') setRejecting([item]);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const total = connection?.totalCount ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={0}>
          <Title order={3}>Review queue</Title>
          <Text size="sm" c="dimmed" data-testid="queue-count">
            {connection ? `${count(total, 'item')} awaiting review, oldest first${scope.communityId ? '' : ' (escalated first)'}.` : 'Oldest first.'}
          </Text>
        </Stack>
        <Group gap="md" align="flex-end">
          <Select
            label="Source"
            data={SOURCES}
            value={source ?? 'ALL'}
            onChange={(v) => setSource(v === 'POLICY' || v === 'FLAGS' ? v : null)}
            allowDeselect={false}
            w={220}
          />
          <Checkbox label="Escalated only" checked={escalatedOnly} onChange={(e) => setEscalatedOnly(e.currentTarget.checked)} mb={8} />
        </Group>
      </Group>

      <div role="status" aria-live="polite">
        {status && (
          <Text size="sm" c="teal.9">
            {status}
          </Text>
        )}
      </div>
      {conflict && (
        <Alert color={TONE.attention} title="Already decided by someone else" role="alert" variant="light" withCloseButton closeButtonLabel="Dismiss" onClose={() => setConflict(null)}>
          <Text size="sm">{conflict}</Text>
        </Alert>
      )}

      {scope.communityId && (
        <NewItemsNotice
          waiting={queue.live.waiting.size}
          one="new item"
          many="new items"
          loading={loading && Boolean(shown)}
          onShow={() => void queue.showWaiting()}
        />
      )}
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={items.length === 0} emptyText="Nothing awaits review." onRetry={() => void refetch()}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <Group gap="xs" role="group" aria-label="Bulk actions">
                <Checkbox
                  label={checkedItems.length ? `${checkedItems.length} selected` : 'Select all'}
                  checked={checkedItems.length > 0 && checkedItems.length === items.length}
                  indeterminate={checkedItems.length > 0 && checkedItems.length < items.length}
                  onChange={() => setChecked(checkedItems.length === items.length ? new Set() : new Set(ids))}
                />
                <Button size="compact-sm" color="teal.9" disabled={checkedItems.length === 0} loading={review.busy && !rejecting} onClick={() => void review.many(checkedItems, 'APPROVE')}>
                  Approve selected
                </Button>
                <Button size="compact-sm" color="red.9" variant="outline" disabled={checkedItems.length === 0 || review.busy} onClick={() => setRejecting(checkedItems)}>
                  Reject selected…
                </Button>
              </Group>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Items awaiting review">
                {items.map((item) => (
                  <QueueRow
                    key={item.id}
                    item={item}
                    selected={item.id === selected}
                    checked={checked.has(item.id)}
                    showCommunity={!scope.communityId}
                    decidedElsewhere={decidedElsewhere.has(item.id) ? decidedElsewhereText(decidedElsewhere.get(item.id) ?? null) : null}
                    onSelect={() => select(item.id)}
                    onCheck={() => setChecked((c) => toggled(c, item.id))}
                  />
                ))}
              </Stack>
              <LoadMoreButton pageInfo={connection?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
              <ShortcutLegend />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md" radius="md" component="section" aria-label="Selected item" data-testid="queue-item-detail">
              {selectedItem && selectedDecidedElsewhere && (
                <Alert color="gray" variant="light" title={decidedElsewhereText(decidedElsewhere.get(selectedItem.id) ?? null)} mb="md">
                  <Text size="sm">This item is no longer awaiting review: it leaves the queue when you move on.</Text>
                </Alert>
              )}
              {selectedItem ? (
                <fieldset disabled={selectedDecidedElsewhere} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <QueueItemDetail
                    key={selectedItem.id}
                    itemId={selectedItem.id}
                    busy={review.busy}
                    error={review.error}
                    canSanction={Boolean(scope.communityId)}
                    onApprove={(editedBody) => void review.one(selectedItem, 'APPROVE', '', editedBody ?? null)}
                    onReject={() => setRejecting([selectedItem])}
                    onEscalate={() => void review.one(selectedItem, 'ESCALATE')}
                  />
                </fieldset>
              ) : (
                <Text c="dimmed">
                  Pick an item to review it.
                </Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      </QueryState>

      {rejecting && (
        <RejectDialog
          what={rejecting.length === 1 ? itemName(rejecting[0]) : count(rejecting.length, 'item')}
          busy={review.busy}
          error={review.error}
          onClose={() => {
            setRejecting(null);
            review.clearError();
          }}
          onReject={(reason) => (rejecting.length === 1 ? review.one(rejecting[0], 'REJECT', reason) : review.many(rejecting, 'REJECT', reason))}
        />
      )}
    </Stack>
  );
}
