import { Button, Checkbox, Fieldset, List, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AUDIENCES, COMMUNITY_VISIBILITIES, METRIC_KEYS, OBJECTIVE_DIRECTIONS, SOCIAL_INTENTS, USE_CASES } from '@commons/shared-contracts';
import type { Audience, CommunityVisibility, MetricKey, ObjectiveDirection, SocialIntent, UseCase } from '@commons/web-data-access';
import { count } from '@commons/web-ui';
import { PeopleMultiPicker } from '../components/person-picker';
import { AUDIENCE, DIRECTION, INTENT, METRIC, USE_CASE, VISIBILITY, audienceList, calendarDate } from '../labels';
import { effectiveSlug, type ObjectiveRow, type WizardValues } from './wizard-model';

export interface StepProps {
  values: WizardValues;
  /** Changes values and clears the errors of the given fields (by default the changed keys). */
  change: (patch: Partial<WizardValues>, fields?: string[]) => void;
  error: (field: string) => string | undefined;
  today: string;
}

export function AudienceStep({ values, change, error }: StepProps) {
  return (
    <Checkbox.Group
      label="Audiences"
      description="Who the community is for. Choose one or more."
      value={values.audiences}
      onChange={(v) => change({ audiences: v as Audience[] })}
      error={error('audiences')}
      withAsterisk
    >
      <Stack gap="sm" mt="xs">
        {AUDIENCES.map((a) => (
          <Checkbox key={a} value={a} label={AUDIENCE[a].label} description={AUDIENCE[a].description} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function IntentStep({ values, change, error }: StepProps) {
  return (
    <Stack>
      <Radio.Group
        label="Primary social intent"
        description="The one business purpose the community serves first."
        value={values.intent}
        onChange={(v) => change({ intent: v as SocialIntent })}
        error={error('intent')}
        withAsterisk
      >
        <Stack gap="sm" mt="xs">
          {SOCIAL_INTENTS.map((i) => (
            <Radio key={i} value={i} label={INTENT[i].label} description={INTENT[i].description} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label="Intent statement"
        description="In one or two sentences: what will be different because this community exists?"
        placeholder="e.g. Resolve 40% of customer questions in the community instead of tickets."
        autosize
        minRows={2}
        withAsterisk
        value={values.intentStatement}
        onChange={(e) => change({ intentStatement: e.currentTarget.value })}
        error={error('intentStatement')}
      />
    </Stack>
  );
}

export function UseCasesStep({ values, change, error }: StepProps) {
  return (
    <Checkbox.Group
      label="Use cases"
      description="What the community uses to serve its intent. Choose one or more."
      value={values.useCases}
      onChange={(v) => change({ useCases: v as UseCase[] })}
      error={error('useCases')}
      withAsterisk
    >
      <Stack gap="sm" mt="xs">
        {USE_CASES.map((u) => (
          <Checkbox key={u} value={u} label={USE_CASE[u].label} description={USE_CASE[u].description} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

const METRIC_OPTIONS = METRIC_KEYS.map((m) => ({ value: m, label: METRIC[m].label }));
const DIRECTION_OPTIONS = OBJECTIVE_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION[d] }));

function ObjectiveFields({
  row,
  index,
  onChange,
  onRemove,
  error,
  today,
}: {
  row: ObjectiveRow;
  index: number;
  onChange: (patch: Partial<ObjectiveRow>) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
  today: string;
}) {
  const at = (field: string) => error(`objectives.${index}.${field}`);
  return (
    <Fieldset legend={`Objective ${index + 1}`} radius="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Metric"
            withAsterisk
            data={METRIC_OPTIONS}
            value={row.metricKey}
            // A metric comes with the direction that counts as better for it.
            onChange={(v) => onChange(v ? { metricKey: v as MetricKey, direction: METRIC[v as MetricKey].direction } : { metricKey: null })}
            description={row.metricKey ? METRIC[row.metricKey].description : 'What the objective measures.'}
            error={at('metricKey')}
            allowDeselect={false}
          />
          <TextInput label="Title (optional)" description="A short label, e.g. “Answer customers within a day”." value={row.title} onChange={(e) => onChange({ title: e.currentTarget.value })} error={at('title')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label="Baseline" description="The value today." inputMode="decimal" withAsterisk value={row.baseline} onChange={(e) => onChange({ baseline: e.currentTarget.value })} error={at('baseline')} />
          <TextInput label="Target" description="The value to reach." inputMode="decimal" withAsterisk value={row.target} onChange={(e) => onChange({ target: e.currentTarget.value })} error={at('target')} />
          <Select
            label="Direction"
            withAsterisk
            data={DIRECTION_OPTIONS}
            value={row.direction}
            onChange={(v) => v && onChange({ direction: v as ObjectiveDirection })}
            error={at('direction')}
            allowDeselect={false}
          />
          <TextInput label="Due date" type="date" min={today} withAsterisk value={row.dueDate} onChange={(e) => onChange({ dueDate: e.currentTarget.value })} error={at('dueDate')} />
        </SimpleGrid>
        <Button variant="subtle" color="red" size="xs" w="fit-content" onClick={onRemove} aria-label={`Remove objective ${index + 1}`}>
          Remove
        </Button>
      </Stack>
    </Fieldset>
  );
}

export function ObjectivesStep({ values, change, error, today }: StepProps) {
  const rows = values.objectives;
  const nextKey = rows.reduce((max, r) => Math.max(max, r.key), 0) + 1;
  const fieldsOf = (i: number) => ['metricKey', 'title', 'baseline', 'target', 'direction', 'dueDate'].map((f) => `objectives.${i}.${f}`);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Measurable targets tell the steering committee whether the community serves its intent. Each needs a baseline, a target better than the baseline, and a
        due date from today on. You can leave this step empty.
      </Text>
      {rows.map((row, i) => (
        <ObjectiveFields
          key={row.key}
          row={row}
          index={i}
          today={today}
          error={error}
          onChange={(patch) =>
            change(
              { objectives: rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)) },
              Object.keys(patch).map((f) => `objectives.${i}.${f}`),
            )
          }
          // Later rows move up a place: their errors no longer match their numbers.
          onRemove={() => change({ objectives: rows.filter((r) => r.key !== row.key) }, rows.flatMap((_, j) => (j >= i ? fieldsOf(j) : [])))}
        />
      ))}
      <Button
        variant="light"
        w="fit-content"
        onClick={() =>
          change({ objectives: [...rows, { key: nextKey, metricKey: null, title: '', baseline: '', target: '', direction: 'UP', dueDate: '' }] }, [])
        }
      >
        {rows.length === 0 ? 'Add an objective' : 'Add another objective'}
      </Button>
    </Stack>
  );
}

export function CohortStep({ values, change, error }: StepProps) {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Optional. A pilot cohort is a small group who try the community before its audience. Name the cohort and pick its people.
      </Text>
      <TextInput label="Cohort name" placeholder="Wave 1 early adopters" value={values.cohortName} onChange={(e) => change({ cohortName: e.currentTarget.value }, ['newCohort.name', 'cohortIds'])} error={error('newCohort.name')} />
      <PeopleMultiPicker
        label="People in the cohort"
        description="Search by name, e-mail address or department."
        value={values.cohortMembers}
        onChange={(people) => change({ cohortMembers: people }, ['newCohort.memberIds', 'cohortIds'])}
        error={error('newCohort.memberIds')}
      />
      <Textarea
        label="Cohort description (optional)"
        autosize
        minRows={2}
        value={values.cohortDescription}
        onChange={(e) => change({ cohortDescription: e.currentTarget.value }, ['newCohort.description'])}
        error={error('newCohort.description')}
      />
      <Checkbox
        label="Start as pilot"
        description="The cohort can join at once. Otherwise the community starts as a draft that only its managers see."
        checked={values.startPilot}
        onChange={(e) => change({ startPilot: e.currentTarget.checked }, ['startPilot', 'cohortIds', 'newCohort.memberIds'])}
        error={error('cohortIds') ?? error('startPilot')}
      />
    </Stack>
  );
}

export function ReviewStep({ values, change, error }: StepProps) {
  const slug = effectiveSlug(values);
  return (
    <Stack>
      <TextInput label="Name" withAsterisk value={values.name} onChange={(e) => change({ name: e.currentTarget.value }, ['name', 'slug'])} error={error('name')} />
      <TextInput
        label="Address"
        description={`Lower-case letters, digits and hyphens: /communities/${slug || '…'}`}
        withAsterisk
        value={slug}
        onChange={(e) => change({ slug: e.currentTarget.value, slugEdited: true }, ['slug'])}
        error={error('slug')}
      />
      <Textarea label="Description" description="One or two sentences for the directory." autosize minRows={2} value={values.description} onChange={(e) => change({ description: e.currentTarget.value })} error={error('description')} />
      <Textarea
        label="Charter"
        description="Why the community exists and how people behave in it. Markdown: ## headings, - lists, **bold**, [links](https://…)."
        autosize
        minRows={4}
        value={values.charter}
        onChange={(e) => change({ charter: e.currentTarget.value })}
        error={error('charter')}
      />
      <Radio.Group label="Visibility" description="Who can find the community and how they get in." value={values.visibility} onChange={(v) => change({ visibility: v as CommunityVisibility })} error={error('visibility')} withAsterisk>
        <Stack gap="sm" mt="xs">
          {COMMUNITY_VISIBILITIES.map((v) => (
            <Radio key={v} value={v} label={VISIBILITY[v].label} description={VISIBILITY[v].description} />
          ))}
        </Stack>
      </Radio.Group>
      <Stack gap={4}>
        <Text fw={500} size="sm">
          Your choices
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>For {audienceList(values.audiences).toLowerCase() || '—'}</List.Item>
          <List.Item>Social intent: {values.intent ? INTENT[values.intent].label : '—'}</List.Item>
          <List.Item>Uses {values.useCases.map((u) => USE_CASE[u].label.toLowerCase()).join(', ') || '—'}</List.Item>
          <List.Item>
            {count(values.objectives.length, 'objective')}
            {values.objectives.length > 0 &&
              `: ${values.objectives.map((o) => `${o.title.trim() || (o.metricKey ? METRIC[o.metricKey].label : '')} by ${o.dueDate ? calendarDate(o.dueDate) : '—'}`).join('; ')}`}
          </List.Item>
          <List.Item>
            {values.cohortName.trim() ? `Cohort “${values.cohortName.trim()}” with ${count(values.cohortMembers.length, 'person', 'people')}` : 'No pilot cohort'}
            {values.startPilot ? '; starts as a pilot' : '; starts as a draft'}
          </List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
