import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title, defaultOptionsFilter, type OptionsFilter } from '@mantine/core';
import { Link } from 'react-router';
import {
  AttachCohortDocument,
  CohortsToAttachDocument,
  CommunityCohortsDocument,
  CreateCohortDocument,
  DetachCohortDocument,
  UpdateCohortDocument,
  toApiError,
  useForm,
  type ApiError,
  type CohortFieldsFragment,
  type CohortsToAttachQuery,
} from '@commons/web-data-access';
import { ErrorAlert, PersonAvatar, QueryState, count } from '@commons/web-ui';
import { forgetCohortsToAttach } from '../community-cache';
import { useScrollToHash } from '../community-query';
import { PeopleMultiPicker, type Person } from '../components/person-picker';
import { EMPTY_COHORT, attachableCohorts, cohortLabel, newCohortChecks, peopleNames, pilotNote, toNewCohortInput, type NewCohortValues } from './cohort-model';

type Cohort = CohortFieldsFragment;
type CohortOption = CohortsToAttachQuery['cohorts']['edges'][number]['node'];
type Done = (message: string | null) => void;
/** The latest action's outcome in the section: a confirmation, or a refusal shown on its cohort. */
type Outcome = { message: string } | { error: ApiError; cohortId: string } | null;

/** Adds people to one cohort; those already in it are not offered. */
function AddPeopleForm({ cohort, onDone }: { cohort: Cohort; onDone: Done }) {
  const [update, { loading }] = useMutation(UpdateCohortDocument);
  // Field named as the server names it (updateCohort), so its field errors land here.
  const form = useForm<{ addMemberIds: Person[] }>({ addMemberIds: [] }, { addMemberIds: (v) => (v.length === 0 ? 'Choose at least one person.' : undefined) });
  const label = `Add people to ${cohort.name}`;
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.submit(async ({ addMemberIds: people }) => {
        onDone(null);
        // The answer is the cohort with its people: the list updates from it.
        await update({ variables: { input: { cohortId: cohort.id, addMemberIds: people.map((p) => p.id) } } });
        form.setValues({ addMemberIds: [] });
        onDone(`${peopleNames(people)} ${people.length === 1 ? 'is' : 'are'} now in ${cohort.name}.`);
      })}
    >
      <Stack gap="xs">
        {form.generalError && <ErrorAlert error={form.generalError} />}
        <PeopleMultiPicker
          label={label}
          value={form.values.addMemberIds}
          onChange={(people) => form.set('addMemberIds', people)}
          exclude={new Set(cohort.members.map((m) => m.id))}
          excludedText="Everyone who matches is already in this cohort."
          error={form.error('addMemberIds')}
        />
        <Button type="submit" size="sm" variant="light" loading={loading} w="fit-content" aria-label={`Add to ${cohort.name}`}>
          Add
        </Button>
      </Stack>
    </form>
  );
}

function CohortCard({
  cohort,
  communityId,
  editable,
  outcome,
  report,
}: {
  cohort: Cohort;
  communityId: string;
  editable: boolean;
  outcome: Outcome;
  report: (outcome: Outcome) => void;
}) {
  const [update, updating] = useMutation(UpdateCohortDocument);
  const [detach, detaching] = useMutation(DetachCohortDocument);
  const headingId = useId();
  // Only the latest refusal shows: a later action elsewhere in the section replaces it.
  const error = outcome && 'error' in outcome && outcome.cohortId === cohort.id ? outcome.error : null;
  const onDone: Done = (message) => report(message ? { message } : null);
  const run = async (action: () => Promise<unknown>, message: string) => {
    report(null);
    try {
      await action();
      report({ message });
    } catch (caught) {
      const refused = toApiError(caught);
      report(refused && { error: refused, cohortId: cohort.id });
    }
  };
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Title order={4} id={headingId}>
              {cohort.name}
            </Title>
            <Text size="sm" c="dimmed">
              {count(cohort.membersCount, 'person', 'people')}
            </Text>
          </Stack>
          {editable && (
            <Button
              size="xs"
              variant="default"
              loading={detaching.loading}
              aria-label={`Detach ${cohort.name}`}
              onClick={() =>
                void run(
                  () =>
                    detach({
                      variables: { input: { communityId, cohortId: cohort.id } },
                      // The answer lists the cohorts still attached; the viewer may no longer run this one.
                      update: (cache) => forgetCohortsToAttach(cache),
                    }),
                  `${cohort.name} is detached.`,
                )
              }
            >
              Detach
            </Button>
          )}
        </Group>
        {cohort.description && <Text size="sm">{cohort.description}</Text>}
        {error && <ErrorAlert error={error} />}
        {cohort.members.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nobody is in this cohort yet.
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={`People in ${cohort.name}`}>
            {cohort.members.map((person) => (
              <Group component="li" key={person.id} gap="sm" wrap="nowrap">
                <PersonAvatar id={person.id} initials={person.initials} name={person.displayName} size="sm" />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm">{person.displayName}</Text>
                  {person.department && (
                    <Text size="xs" c="dimmed">
                      {person.department}
                    </Text>
                  )}
                </Stack>
                {editable && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={updating.loading}
                    aria-label={`Remove ${person.displayName} from ${cohort.name}`}
                    onClick={() =>
                      void run(
                        () => update({ variables: { input: { cohortId: cohort.id, removeMemberIds: [person.id] } } }),
                        `${person.displayName} is no longer in ${cohort.name}.`,
                      )
                    }
                  >
                    Remove
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {cohort.membersCount > cohort.members.length && (
          <Text size="sm" c="dimmed">
            Showing the first {cohort.members.length} by name.
          </Text>
        )}
        {editable && <AddPeopleForm cohort={cohort} onDone={onDone} />}
      </Stack>
    </Paper>
  );
}

/** A Select over the cohorts the viewer runs, searched on the server; attached ones are left out. */
function AttachCohortForm({ communityId, attached, onDone }: { communityId: string; attached: ReadonlySet<string>; onDone: Done }) {
  const [attach, { loading: attaching }] = useMutation(AttachCohortDocument);
  const [search, setSearch] = useState('');
  const form = useForm<{ cohortIds: CohortOption | null }>({ cohortIds: null }, { cohortIds: (v) => (v ? undefined : 'Choose a cohort.') });
  const chosen = form.values.cohortIds;
  // Choosing an option shows its label as the search text: that is not a search.
  const typed = chosen && search === cohortLabel(chosen) ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const { data, previousData, loading, error, refetch } = useQuery(CohortsToAttachDocument, { variables: { search: debounced || null } });
  const shown = data ?? previousData;
  const found = attachableCohorts(shown?.cohorts.edges.map((e) => e.node) ?? [], attached);
  const known = new Map<string, CohortOption>([...found, ...(chosen ? [chosen] : [])].map((c) => [c.id, c]));
  const settled = !loading && debounced === typed;
  // The server already matched the text: do not filter again.
  const filter: OptionsFilter = (input) => (settled ? input.options : (defaultOptionsFilter(input) as typeof input.options));
  const headingId = useId();
  const noneToAttach = Boolean(data) && debounced === '' && found.length === 0 && !chosen;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        Attach an existing cohort
      </Title>
      <QueryState
        loading={loading && !shown}
        error={toApiError(error)}
        empty={noneToAttach}
        emptyText="There is no other cohort you run to attach: create one below."
        onRetry={() => void refetch()}
      >
        <form
          noValidate
          aria-labelledby={headingId}
          onSubmit={form.submit(async ({ cohortIds: cohort }) => {
            if (!cohort) return;
            onDone(null);
            await attach({ variables: { input: { communityId, cohortId: cohort.id } } });
            form.setValues({ cohortIds: null });
            setSearch('');
            onDone(`${cohort.name} is attached.`);
          })}
        >
          <Stack gap="xs">
            {form.generalError && <ErrorAlert error={form.generalError} />}
            <Select
              label="Cohort to attach"
              description="Cohorts you created, or run with another community. Type to search by name."
              placeholder="Type a cohort’s name"
              data={[...known.values()].map((c) => ({ value: c.id, label: cohortLabel(c) }))}
              value={chosen?.id ?? null}
              onChange={(id) => form.set('cohortIds', id ? (known.get(id) ?? null) : null)}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={filter}
              nothingFoundMessage={settled ? 'No cohort to attach matches.' : 'Searching…'}
              error={form.error('cohortIds')}
              clearable
            />
            <Button type="submit" size="sm" loading={attaching} w="fit-content">
              Attach cohort
            </Button>
          </Stack>
        </form>
      </QueryState>
    </Stack>
  );
}

/** Creates a cohort with its people, then attaches it. */
function CreateCohortForm({ communityId, onDone }: { communityId: string; onDone: Done }) {
  const [createCohort, creating] = useMutation(CreateCohortDocument);
  const [attach, attaching] = useMutation(AttachCohortDocument);
  const [attachError, setAttachError] = useState<ApiError | null>(null);
  const form = useForm<NewCohortValues>(EMPTY_COHORT, newCohortChecks);
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        Create a cohort
      </Title>
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={form.submit(async (values) => {
          onDone(null);
          setAttachError(null);
          // A new cohort is one the viewer runs: the list of cohorts to attach changes.
          const { data } = await createCohort({ variables: { input: toNewCohortInput(values) }, update: (cache) => forgetCohortsToAttach(cache) });
          const cohort = data?.createCohort;
          if (!cohort) return;
          form.setValues(EMPTY_COHORT);
          try {
            await attach({ variables: { input: { communityId, cohortId: cohort.id } } });
            onDone(`${cohort.name} is created and attached.`);
          } catch (caught) {
            const error = toApiError(caught);
            // Sending the form again would make a second cohort: say where the first one is.
            if (error) setAttachError({ ...error, fields: [], message: `${cohort.name} is created but not attached: ${error.message} Attach it above.` });
          }
        })}
      >
        <Stack gap="xs">
          {form.generalError && <ErrorAlert error={form.generalError} />}
          {attachError && <ErrorAlert error={attachError} />}
          <TextInput label="Cohort name" placeholder="Wave 2 early adopters" required {...form.field('name')} />
          <Textarea label="Description (optional)" autosize minRows={2} {...form.field('description')} />
          <PeopleMultiPicker
            label="People in the new cohort"
            description="Search by name, e-mail address or department."
            value={form.values.memberIds}
            onChange={(people) => form.set('memberIds', people)}
            error={form.error('memberIds')}
          />
          <Button type="submit" size="sm" loading={creating.loading || attaching.loading} w="fit-content">
            Create and attach
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * The community's pilot cohorts, for its managers: who is in each, adding and removing people,
 * detaching, attaching a cohort they run, or creating one. Read-only once archived.
 */
export function PilotCohorts({ communityId, slug }: { communityId: string; slug: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(CommunityCohortsDocument, { variables: { id: communityId } });
  const shown = data ?? (previousData?.community.id === communityId ? previousData : undefined);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const onDone: Done = (message) => setOutcome(message ? { message } : null);
  const headingId = useId();
  useScrollToHash(Boolean(shown));
  const community = shown?.community;
  const cohorts = community?.cohorts ?? [];
  const editable = community !== undefined && community.lifecycle !== 'ARCHIVED';
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} id="pilot-cohorts">
      <Title order={3} id={headingId}>
        Pilot cohorts
      </Title>
      <Text size="sm">
        While the community is in pilot, only the people in its cohorts (and its managers and moderators) can join and take part; making it active opens it to
        its audience.
      </Text>
      {community && (
        <Text size="sm" c="dimmed">
          {pilotNote(community.lifecycle, cohorts.length)} The lifecycle changes in{' '}
          <Anchor component={Link} to={`/communities/${slug}/settings`} underline="always" size="sm">
            Settings
          </Anchor>
          .
        </Text>
      )}
      {outcome && 'message' in outcome && (
        <Alert color="teal" role="status">
          {outcome.message}
        </Alert>
      )}
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={cohorts.length === 0} emptyText="No cohort is attached." onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Pilot cohorts">
          {cohorts.map((cohort) => (
            <CohortCard key={cohort.id} cohort={cohort} communityId={communityId} editable={editable} outcome={outcome} report={setOutcome} />
          ))}
        </Stack>
      </QueryState>
      {editable && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="lg">
            <AttachCohortForm communityId={communityId} attached={new Set(cohorts.map((c) => c.id))} onDone={onDone} />
            <CreateCohortForm communityId={communityId} onDone={onDone} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
