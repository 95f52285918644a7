import { ErrorAlert, FormActions } from '@commons/web-ui';
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorCode, METRIC_KEYS, OBJECTIVE_DIRECTIONS } from '@commons/shared-contracts';
import {
  CreateObjectiveDocument,
  DeleteObjectiveDocument,
  UpdateObjectiveDocument,
  toApiError,
  useForm,
  type ApiError,
  type CommunityLifecycle,
  type MetricKey,
  type ObjectiveDirection,
  type ObjectiveFieldsFragment,
} from '@commons/web-data-access';
import { placeObjective } from '../community-cache';
import { DIRECTION, METRIC, calendarDate } from '../labels';
import { todayUtc } from '../validation';
import { EMPTY_OBJECTIVE, formatNumber, objectiveChanges, objectiveChecks, objectiveFormValues, toCreateObjectiveInput, type ObjectiveFormValues } from './objective-model';

type Objective = ObjectiveFieldsFragment;

const METRIC_OPTIONS = METRIC_KEYS.map((m) => ({ value: m, label: METRIC[m].label }));
const DIRECTION_OPTIONS = OBJECTIVE_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION[d] }));

/** Runs a mutation; a CONFLICT (the community was archived meanwhile) is also reported to the section. */
async function reportingConflict<R>(onConflict: (error: ApiError) => void, action: () => Promise<R>): Promise<R> {
  try {
    return await action();
  } catch (caught) {
    const error = toApiError(caught);
    if (error?.code === ErrorCode.Conflict) onConflict(error);
    throw caught;
  }
}

/** The fields of one objective, checked with the server's rules before it is sent. */
function ObjectiveForm({
  label,
  initial,
  keptDueDate,
  today,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: ObjectiveFormValues;
  /** The due date an existing objective has now: it may stay even when it has passed. */
  keptDueDate?: string;
  today: string;
  submitLabel: string;
  busy: boolean;
  /** Sends the values; throws the server's refusal. Answers true to empty the form. */
  onSubmit: (values: ObjectiveFormValues) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const form = useForm<ObjectiveFormValues>(initial, objectiveChecks(today, keptDueDate));
  const metric = form.values.metricKey;
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.submit(async (values) => {
        if (await onSubmit(values)) form.setValues(EMPTY_OBJECTIVE);
      })}
    >
      <Stack gap="sm">
        {form.generalError && <ErrorAlert error={form.generalError} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Metric"
            withAsterisk
            data={METRIC_OPTIONS}
            value={metric}
            // A metric comes with the direction that counts as better for it.
            onChange={(v) => {
              if (!v) return;
              form.set('metricKey', v as MetricKey);
              form.set('direction', METRIC[v as MetricKey].direction);
            }}
            description={metric ? METRIC[metric].description : 'What the objective measures.'}
            error={form.error('metricKey')}
            allowDeselect={false}
          />
          <TextInput label="Title (optional)" description="A short label, e.g. “Answer customers within a day”." {...form.field('title')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Baseline" description="The value today." inputMode="decimal" withAsterisk {...form.field('baseline')} />
          <TextInput label="Target" description="The value to reach." inputMode="decimal" withAsterisk {...form.field('target')} />
          <Select
            label="Direction"
            withAsterisk
            data={DIRECTION_OPTIONS}
            value={form.values.direction}
            onChange={(v) => v && form.set('direction', v as ObjectiveDirection)}
            error={form.error('direction')}
            allowDeselect={false}
          />
          <TextInput label="Due date" type="date" min={today} withAsterisk {...form.field('dueDate')} />
        </SimpleGrid>
        <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function ObjectiveItem({
  communityId,
  objective,
  editable,
  today,
  onConflict,
  onDone,
}: {
  communityId: string;
  objective: Objective;
  editable: boolean;
  today: string;
  onConflict: (error: ApiError) => void;
  onDone: (message: string | null) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [update, updating] = useMutation(UpdateObjectiveDocument);
  const [remove, removing] = useMutation(DeleteObjectiveDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const name = objective.title || METRIC[objective.metricKey].label;

  const confirmDelete = async () => {
    setError(null);
    onDone(null);
    try {
      await reportingConflict(onConflict, () =>
        remove({
          variables: { objectiveId: objective.id },
          // The answer is the community with its remaining objectives; the deleted one goes too.
          update: (cache) => {
            cache.evict({ id: cache.identify({ __typename: 'Objective', id: objective.id }) });
            cache.gc();
          },
        }),
      );
      onDone(`“${name}” is deleted.`);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  if (mode === 'edit' && editable) {
    return (
      <Paper component="li" withBorder p="sm" radius="md">
        <ObjectiveForm
          label={`Edit ${name}`}
          initial={objectiveFormValues(objective)}
          keptDueDate={objective.dueDate}
          today={today}
          submitLabel="Save objective"
          busy={updating.loading}
          onCancel={() => setMode('view')}
          onSubmit={async (values) => {
            onDone(null);
            const input = objectiveChanges(objective, values);
            if (input) {
              await reportingConflict(onConflict, () =>
                update({ variables: { input }, update: (cache, { data }) => data && placeObjective(cache, communityId, data.updateObjective.id) }),
              );
            }
            setMode('view');
            onDone(input ? `“${values.title.trim() || METRIC[values.metricKey as MetricKey].label}” is saved.` : null);
            return false;
          }}
        />
      </Paper>
    );
  }

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Text fw={600}>{name}</Text>
            <Text size="sm">
              {METRIC[objective.metricKey].label}: {formatNumber(objective.baseline)} → {formatNumber(objective.target)} ({DIRECTION[objective.direction].toLowerCase()})
            </Text>
            <Text size="sm" c="dimmed">
              Due {calendarDate(objective.dueDate)}
              {objective.dueDate < today ? ' (passed)' : ''}
            </Text>
          </Stack>
          {editable && mode === 'view' && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                aria-label={`Edit ${name}`}
                onClick={() => {
                  setError(null);
                  setMode('edit');
                }}
              >
                Edit
              </Button>
              <Button size="xs" variant="default" color="red" aria-label={`Delete ${name}`} onClick={() => setMode('delete')}>
                Delete
              </Button>
            </Group>
          )}
        </Group>
        {editable && mode === 'delete' && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" style={{ flex: 1, minWidth: 200 }}>
              Delete “{name}”? This cannot be undone.
            </Text>
            <Button size="xs" color="red" loading={removing.loading} onClick={() => void confirmDelete()}>
              Delete objective
            </Button>
            <Button size="xs" variant="default" disabled={removing.loading} onClick={() => setMode('view')}>
              Keep it
            </Button>
          </Group>
        )}
        {/* Once read-only (archived meanwhile), the section says why, once. */}
        {error && editable && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}

function AddObjectiveForm({
  communityId,
  today,
  onConflict,
  onDone,
}: {
  communityId: string;
  today: string;
  onConflict: (error: ApiError) => void;
  onDone: (message: string | null) => void;
}) {
  const [create, { loading }] = useMutation(CreateObjectiveDocument);
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        Add an objective
      </Title>
      <ObjectiveForm
        label="Add an objective"
        initial={EMPTY_OBJECTIVE}
        today={today}
        submitLabel="Add objective"
        busy={loading}
        onSubmit={async (values) => {
          onDone(null);
          await reportingConflict(onConflict, () =>
            create({
              variables: { input: toCreateObjectiveInput(communityId, values) },
              update: (cache, { data }) => data && placeObjective(cache, communityId, data.createObjective.id),
            }),
          );
          onDone(`“${values.title.trim() || METRIC[values.metricKey as MetricKey].label}” is added.`);
          return true;
        }}
      />
    </Stack>
  );
}

/**
 * Managers' view of the community's objectives: change or delete each, add new ones. An
 * archived community is read-only: the list stays, the controls go.
 */
export function ObjectivesEditor({
  community,
  onStale,
}: {
  community: { id: string; lifecycle: CommunityLifecycle; objectives?: Objective[] | null };
  /** The community changed elsewhere (archived meanwhile): fetch it again. */
  onStale: () => void;
}) {
  const [today] = useState(() => todayUtc());
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const headingId = useId();
  const archived = community.lifecycle === 'ARCHIVED';
  const objectives = community.objectives ?? [];
  const onConflict = (error: ApiError) => {
    setConflict(error);
    onStale();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} id="objectives">
      <Title order={3} id={headingId}>
        Objectives
      </Title>
      <Text size="sm" c="dimmed">
        Measurable targets the community works towards, shown on its home. A target must improve on its baseline; a new objective, or a new due date,
        cannot be in the past.
      </Text>
      {archived && <Text>An archived community is read-only: restore it to change its objectives.</Text>}
      {archived && conflict && <ErrorAlert error={conflict} />}
      {status && (
        <Alert color="teal" role="status">
          {status}
        </Alert>
      )}
      {objectives.length === 0 ? (
        <Text c="dimmed" size="sm">
          No objectives yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Objectives">
          {objectives.map((o) => (
            <ObjectiveItem key={o.id} communityId={community.id} objective={o} editable={!archived} today={today} onConflict={onConflict} onDone={setStatus} />
          ))}
        </Stack>
      )}
      {!archived && (
        <Paper withBorder p="md" radius="md">
          <AddObjectiveForm communityId={community.id} today={today} onConflict={onConflict} onDone={setStatus} />
        </Paper>
      )}
    </Stack>
  );
}
