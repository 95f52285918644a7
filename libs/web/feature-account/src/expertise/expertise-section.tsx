import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PersonExpertiseDocument, toApiError, UpdateExpertiseDocument, useForm } from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { normalizeTag } from '@commons/shared-contracts';

const EXPERTISE_TAGS_MAX = 20;
const NOTE_MAX_LENGTH = 280;

/** Tags as the server stores them: normalized like forum tags, without empties or repeats. */
const normalizeTags = (tags: readonly string[]) => [...new Set(tags.map(normalizeTag).filter((t) => t !== ''))];

function ExpertiseTags({ tags }: { tags: readonly string[] }) {
  return (
    <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Expertise">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge component={Link} to={`/knowledge/experts?topic=${encodeURIComponent(tag)}`} variant="light" style={{ cursor: 'pointer', textTransform: 'none' }}>
            #{tag}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** A person's declared expertise on their page; nothing when they have declared none. */
export function ExpertiseView({ accountId }: { accountId: string }) {
  const { data } = useQuery(PersonExpertiseDocument, { variables: { id: accountId } });
  const expertise = data?.account.expertise;
  if (!expertise || (expertise.tags.length === 0 && !expertise.note)) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Expertise
      </Title>
      <ExpertiseTags tags={expertise.tags} />
      {expertise.note && <Text size="sm">{expertise.note}</Text>}
    </Stack>
  );
}

function ExpertiseForm({ accountId, tags, note }: { accountId: string; tags: string[]; note: string }) {
  const [updateExpertise, { loading }] = useMutation(UpdateExpertiseDocument, {
    update(cache, { data }) {
      if (!data) return;
      cache.modify({ id: cache.identify({ __typename: 'Account', id: accountId }), fields: { expertise: () => data.updateExpertise } });
    },
  });
  const [saved, setSaved] = useState(false);
  const form = useForm(
    { tags, note },
    {
      tags: (v) => (v.length > EXPERTISE_TAGS_MAX ? `List at most ${EXPERTISE_TAGS_MAX} topics.` : undefined),
      note: (v) => (v.trim().length > NOTE_MAX_LENGTH ? `Keep the note under ${NOTE_MAX_LENGTH} characters.` : undefined),
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        await updateExpertise({ variables: { input: { tags: values.tags, note: values.note.trim() || null } } });
        setSaved(true);
      })}
    >
      <Stack>
        <Title order={3}>Expertise</Title>
        <Text size="sm" c="dimmed">
          Topics you can help with. Colleagues find you by them on the Find an expert page, along with your accepted answers.
        </Text>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {saved && (
          <Alert color="teal" role="status">
            Your expertise is saved.
          </Alert>
        )}
        <TagsInput
          label="Topics"
          description={`Up to ${EXPERTISE_TAGS_MAX}; press Enter after each.`}
          value={form.values.tags}
          onChange={(next) => form.set('tags', normalizeTags(next))}
          error={form.error('tags')}
          clearable
        />
        <Textarea
          label="Note"
          description="Optional: how you like to be asked, or what you know best."
          autosize
          minRows={2}
          maxRows={4}
          maxLength={NOTE_MAX_LENGTH}
          {...form.field('note')}
        />
        <Button type="submit" loading={loading} w="fit-content">
          Save expertise
        </Button>
      </Stack>
    </form>
  );
}

/** The signed-in person's expertise editor on their profile page. */
export function ExpertiseEditor({ accountId }: { accountId: string }) {
  const { data, loading, error, refetch } = useQuery(PersonExpertiseDocument, { variables: { id: accountId } });
  const expertise = data?.account.expertise;
  return (
    <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
      {expertise && <ExpertiseForm accountId={accountId} tags={expertise.tags} note={expertise.note ?? ''} />}
    </QueryState>
  );
}
