import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Radio, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { POST_TITLE_MAX_LENGTH, TAGS_MAX, THREAD_KINDS } from '@commons/shared-contracts';
import { CreateThreadDocument, ForumCategoriesDocument, useForm, type ThreadKind } from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import { ForumEditor } from '../components/forum-editor';
import { forgetCategories, forgetThreadLists } from '../forum-cache';
import { forumPath, ForumCommunityGate, threadPath, type ForumCommunity } from '../forum-community';
import { normaliseTags, rules } from '../forum-model';
import { THREAD_KIND } from '../labels';

/** The tags with one more (a #tag picked in the text), unless it is there already or there is no room. */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) || tags.length >= TAGS_MAX ? [...tags] : [...tags, tag];
}

/** Tags typed with commas or Enter, shown as the server keeps them (lower-case, without '#'). */
export function TagsField({ value, onChange, error }: { value: string[]; onChange: (tags: string[]) => void; error?: string }) {
  return (
    <TagsInput
      label="Tags"
      description={`Up to ${TAGS_MAX}. Separate them with commas or Enter; they are kept in lower case, without “#”.`}
      value={value}
      onChange={(tags) => onChange(normaliseTags(tags))}
      splitChars={[',']}
      acceptValueOnBlur
      clearable
      error={error}
    />
  );
}

function NewThreadForm({ community }: { community: ForumCommunity }) {
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(CreateThreadDocument);
  const categories = useQuery(ForumCategoriesDocument, { variables: { communityId: community.id } });
  const form = useForm(
    { kind: 'QUESTION' as ThreadKind, categoryId: null as string | null, title: '', body: '', tags: [] as string[] },
    { title: rules.title, body: rules.body, tags: rules.tags },
  );
  const question = form.values.kind === 'QUESTION';
  return (
    <form
      noValidate
      aria-labelledby="new-thread-heading"
      onSubmit={form.submit(async (values) => {
        const { data } = await create({
          variables: {
            input: { communityId: community.id, kind: values.kind, categoryId: values.categoryId, title: values.title.trim(), body: values.body, tags: values.tags },
          },
          update: (cache) => {
            forgetThreadLists(cache);
            forgetCategories(cache);
          },
        });
        if (data) await navigate(threadPath(community.slug, data.createThread.id));
      })}
    >
      <Stack>
        {form.generalError && <PostingErrorAlert error={form.generalError} />}
        <Radio.Group label="Kind" value={form.values.kind} onChange={(v) => form.set('kind', v as ThreadKind)} error={form.error('kind')}>
          <Stack gap="xs" mt="xs">
            {THREAD_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={THREAD_KIND[kind].label} description={THREAD_KIND[kind].description} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label="Category"
          placeholder="General"
          description={categories.error ? 'The categories could not be loaded: the thread goes into “General”.' : 'Left empty, the thread goes into “General”.'}
          data={(categories.data?.forumCategories ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={form.values.categoryId}
          onChange={(v) => form.set('categoryId', v)}
          clearable
          error={form.error('categoryId')}
        />
        <TextInput label="Title" description={`Up to ${POST_TITLE_MAX_LENGTH} characters.`} required maxLength={POST_TITLE_MAX_LENGTH} {...form.field('title')} />
        <ForumEditor
          communityId={community.id}
          label="Body"
          value={form.values.body}
          onChange={(v) => form.set('body', v)}
          error={form.error('body')}
          submitHint={question ? 'asks the question' : 'starts the discussion'}
          onTagPick={(tag) => form.set('tags', withTag(form.values.tags, tag))}
        />
        <TagsField value={form.values.tags} onChange={(tags) => form.set('tags', tags)} error={form.error('tags')} />
        <Group gap="xs">
          <Button type="submit" loading={loading}>
            {question ? 'Ask question' : 'Start discussion'}
          </Button>
          <Button component={Link} to={forumPath(community.slug)} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Starting a thread at /communities/:slug/forum/new: a question or a discussion. */
export function NewThreadPage() {
  const { slug = '' } = useParams();
  return (
    <ForumCommunityGate slug={slug} suffix="/forum/new">
      {(community) => (
        <Stack gap="lg" maw={760}>
          <Stack gap="xs">
            <Anchor component={Link} to={forumPath(community.slug)} size="sm" underline="always" w="fit-content">
              Back to the forum
            </Anchor>
            <Title order={2} id="new-thread-heading">
              New thread
            </Title>
            <Text c="dimmed">{community.name}</Text>
          </Stack>
          {community.viewerCan.participate ? (
            <Paper withBorder p="lg" radius="md">
              <NewThreadForm community={community} />
            </Paper>
          ) : (
            <Text>{community.viewerCan.join ? 'Join the community to start a thread.' : 'You cannot post in this community.'}</Text>
          )}
        </Stack>
      )}
    </ForumCommunityGate>
  );
}
