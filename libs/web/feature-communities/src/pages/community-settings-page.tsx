import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { SOCIAL_INTENTS, USE_CASES } from '@commons/shared-contracts';
import { ArchiveCommunityDocument, ChangeCommunityLifecycleDocument, CommunitySettingsDocument, RestoreCommunityDocument, UpdateCommunityDocument, isNotFound, toApiError, useAction, useForm, type CommunitySettingsQuery, type SocialIntent, type UseCase } from '@commons/web-data-access';
import { CommunityNotFound, ErrorAlert, QueryState } from '@commons/web-ui';
import { forgetDirectory } from '../community-cache';
import { useCurrentSlug, useScrollToHash } from '../community-query';
import { LifecycleBadge } from '../components/community-badges';
import { INTENT, LIFECYCLE, USE_CASE } from '../labels';
import { ObjectivesEditor } from '../objectives/objectives-editor';
import { rules } from '../validation';

type Community = CommunitySettingsQuery['community'];

function SettingsForm({ community }: { community: Community }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [update, { loading }] = useMutation(UpdateCommunityDocument);
  // A new address reloads the page under it; the confirmation travels with the navigation.
  const [saved, setSaved] = useState((location.state as { saved?: boolean } | null)?.saved === true);
  const archived = community.lifecycle === 'ARCHIVED';
  const form = useForm(
    {
      name: community.name,
      slug: community.slug,
      description: community.description,
      charter: community.charter,
      intent: community.intent as SocialIntent,
      intentStatement: community.intentStatement,
      useCases: community.useCases as UseCase[],
    },
    {
      name: rules.name,
      slug: rules.slug,
      description: rules.description,
      charter: rules.charter,
      intentStatement: rules.intentStatement,
      useCases: (v) => (v.length === 0 ? 'Choose at least one use case.' : undefined),
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        const { data } = await update({
          variables: {
            input: {
              communityId: community.id,
              name: values.name.trim(),
              slug: values.slug.trim(),
              description: values.description.trim(),
              charter: values.charter,
              intent: values.intent,
              intentStatement: values.intentStatement.trim(),
              useCases: values.useCases,
            },
          },
          update: (cache) => forgetDirectory(cache),
        });
        setSaved(true);
        const slug = data?.updateCommunity.slug;
        if (slug && slug !== community.slug) await navigate(`/communities/${slug}/settings`, { replace: true, state: { saved: true } });
      })}
    >
      <Stack>
        <Title order={3}>About the community</Title>
        {archived && <Text c="dimmed">An archived community is read-only: restore it to change its settings.</Text>}
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {saved && (
          <Alert color="teal" role="status">
            The settings are saved.
          </Alert>
        )}
        <fieldset disabled={archived} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack>
            <TextInput label="Name" required {...form.field('name')} />
            <TextInput label="Address" description="Lower-case letters, digits and hyphens. The old address keeps working." required {...form.field('slug')} />
            <Textarea label="Description" autosize minRows={2} {...form.field('description')} />
            <Textarea label="Charter" description="Markdown." autosize minRows={4} {...form.field('charter')} />
            <Select
              label="Primary social intent"
              data={SOCIAL_INTENTS.map((i) => ({ value: i, label: INTENT[i].label }))}
              value={form.values.intent}
              onChange={(v) => v && form.set('intent', v as SocialIntent)}
              description={INTENT[form.values.intent].description}
              allowDeselect={false}
              error={form.error('intent')}
            />
            <Textarea label="Intent statement" autosize minRows={2} {...form.field('intentStatement')} />
            <Checkbox.Group label="Use cases" value={form.values.useCases} onChange={(v) => form.set('useCases', v as UseCase[])} error={form.error('useCases')}>
              <Group mt="xs">
                {USE_CASES.map((u) => (
                  <Checkbox key={u} value={u} label={USE_CASE[u].label} />
                ))}
              </Group>
            </Checkbox.Group>
            <Button type="submit" loading={loading} w="fit-content">
              Save settings
            </Button>
          </Stack>
        </fieldset>
      </Stack>
    </form>
  );
}

function Lifecycle({ community }: { community: Community }) {
  const [change, changing] = useMutation(ChangeCommunityLifecycleDocument);
  const [archive, archiving] = useMutation(ArchiveCommunityDocument);
  const [restore, restoring] = useMutation(RestoreCommunityDocument);
  const { run, error } = useAction();
  const busy = changing.loading || archiving.loading || restoring.loading;
  const options = { update: forgetDirectory };
  const lifecycle = community.lifecycle;
  return (
    <Stack gap="sm" component="section" aria-labelledby="lifecycle-heading">
      <Title order={3} id="lifecycle-heading">
        Lifecycle
      </Title>
      <Group gap="xs">
        <LifecycleBadge lifecycle={lifecycle} always />
        <Text size="sm" c="dimmed">
          {LIFECYCLE[lifecycle].description}
        </Text>
      </Group>
      <Text size="sm">
        In pilot, only the people of its{' '}
        <Anchor component={Link} to={`/communities/${community.slug}/manage#pilot-cohorts`} underline="always">
          pilot cohorts
        </Anchor>{' '}
        (and its managers and moderators) can join and take part; making it active opens it to its audience.
      </Text>
      {error && <ErrorAlert error={error.fields.length ? { ...error, message: error.fields.map((f) => f.message).join(' ') } : error} />}
      <Group gap="xs">
        {lifecycle === 'DRAFT' && (
          <Button variant="light" disabled={busy} onClick={() => void run(() => change({ variables: { input: { communityId: community.id, lifecycle: 'PILOT' } }, ...options }))}>
            Start pilot
          </Button>
        )}
        {(lifecycle === 'DRAFT' || lifecycle === 'PILOT') && (
          <Button disabled={busy} onClick={() => void run(() => change({ variables: { input: { communityId: community.id, lifecycle: 'ACTIVE' } }, ...options }))}>
            Make active
          </Button>
        )}
        {lifecycle !== 'ARCHIVED' ? (
          <Button variant="default" color="orange" disabled={busy} onClick={() => void run(() => archive({ variables: { communityId: community.id }, ...options }))}>
            Archive
          </Button>
        ) : (
          <Button variant="light" disabled={busy} onClick={() => void run(() => restore({ variables: { communityId: community.id }, ...options }))}>
            Restore
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Managers' settings: the community's lifecycle, description, intent and use cases, and its objectives. */
export function CommunitySettingsPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CommunitySettingsDocument, { variables: { slug } });
  const apiError = toApiError(error);
  useCurrentSlug(slug, data?.community.slug, '/settings');
  useScrollToHash(Boolean(data?.community.viewerCan.manage));
  if (isNotFound(apiError)) return <CommunityNotFound />;
  const community = data?.community;
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {community && (
        <Stack gap="lg" maw={720}>
          <Stack gap="xs">
            <Anchor component={Link} to={`/communities/${community.slug}`} size="sm" underline="always" w="fit-content">
              Back to {community.name}
            </Anchor>
            <Title order={2}>Settings</Title>
            <Text c="dimmed">{community.name}</Text>
          </Stack>
          {!community.viewerCan.manage ? (
            <Text>Only the community’s managers can change its settings.</Text>
          ) : (
            <>
              <Paper withBorder p="lg" radius="md">
                <Lifecycle community={community} />
              </Paper>
              <Paper withBorder p="lg" radius="md">
                <SettingsForm key={community.id} community={community} />
              </Paper>
              <Paper withBorder p="lg" radius="md">
                <ObjectivesEditor community={community} onStale={() => void refetch()} />
              </Paper>
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
