import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, TextInput, Textarea } from '@mantine/core';
import { CreateKnowledgeCollectionDocument, toApiError } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';

/** Adds a collection to a knowledge base (under a parent collection when given). */
export function NewCollectionForm({ communityId, parentId, onCreated }: { communityId: string | null; parentId: string | null; onCreated: () => unknown }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [create, { loading, error, reset }] = useMutation(CreateKnowledgeCollectionDocument);
  const apiError = toApiError(error);
  if (!open) {
    return (
      <Button variant="default" size="compact-sm" w="fit-content" onClick={() => setOpen(true)}>
        New collection
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create({ variables: { input: { communityId, parentId, title, description } } });
    setTitle('');
    setDescription('');
    setOpen(false);
    await onCreated();
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(e) => void submit(e).catch(() => undefined)} aria-label="New collection">
      <Stack gap="xs">
        <TextInput label="Title" required value={title} maxLength={120} onChange={(e) => setTitle(e.currentTarget.value)} error={apiError?.fields.find((f) => f.field === 'title')?.message} />
        <Textarea label="Description" value={description} maxLength={2000} autosize minRows={2} onChange={(e) => setDescription(e.currentTarget.value)} />
        {apiError && apiError.fields.length === 0 && <ErrorAlert error={apiError} />}
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={loading} disabled={!title.trim()}>
            Add collection
          </Button>
          <Button variant="subtle" size="compact-sm" onClick={() => { reset(); setOpen(false); }}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
