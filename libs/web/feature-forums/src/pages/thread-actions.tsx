import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Code, Collapse, Menu, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorCode, POST_TITLE_MAX_LENGTH } from '@commons/shared-contracts';
import {
  CloseThreadAsDuplicateDocument,
  DeleteThreadDocument,
  EditThreadDocument,
  ForumThreadsDocument,
  LockThreadDocument,
  PinThreadDocument,
  ReplyRevisionsDocument,
  ThreadRevisionsDocument,
  fieldError,
  toApiError,
  useAction,
  useForm,
  type ThreadFieldsFragment,
} from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import { ConfirmRemoval, ConflictAlert, ErrorAlert, FormActions, QueryState, count, dateTime } from '@commons/web-ui';
import { ForumEditor } from '../components/forum-editor';
import { forgetThreadLists } from '../forum-cache';
import { threadIdFrom, rules } from '../forum-model';
import { TagsField, withTag } from './new-thread-page';

/** Edits title, body and tags in place, from the version on screen when editing began; a stale version is a conflict. */
export function ThreadEditForm({ thread, onDone, onReload }: { thread: ThreadFieldsFragment; onDone: () => void; onReload: () => Promise<unknown> }) {
  const [edit, { loading }] = useMutation(EditThreadDocument);
  // The version the edit started from: a newer one may arrive live meanwhile, and saving over it
  // must be a conflict, not a silent overwrite.
  const [startedFrom] = useState(thread.version);
  const form = useForm({ title: thread.title, body: thread.body, tags: [...thread.tags] }, { title: rules.title, body: rules.body, tags: rules.tags });
  const conflict = form.serverError?.code === ErrorCode.Conflict;
  return (
    <form
      noValidate
      aria-label="Edit the thread"
      onSubmit={form.submit(async (values) => {
        await edit({
          variables: { input: { threadId: thread.id, version: startedFrom, title: values.title.trim(), body: values.body, tags: values.tags } },
          update: (cache) => {
            cache.evict({ id: cache.identify({ __typename: 'Thread', id: thread.id }), fieldName: 'revisions' });
            forgetThreadLists(cache);
          },
        });
        onDone();
      })}
    >
      <Stack>
        {conflict ? (
          // After the reload the form starts again from the reloaded thread (see ThreadView).
          <ConflictAlert what="thread" onReload={onReload} />
        ) : (
          form.generalError && <PostingErrorAlert error={form.generalError} />
        )}
        <TextInput label="Title" required maxLength={POST_TITLE_MAX_LENGTH} {...form.field('title')} />
        <ForumEditor
          communityId={thread.communityId}
          label="Body"
          value={form.values.body}
          onChange={(v) => form.set('body', v)}
          error={form.error('body')}
          submitHint="saves the changes"
          onTagPick={(tag) => form.set('tags', withTag(form.values.tags, tag))}
        />
        <TagsField value={form.values.tags} onChange={(tags) => form.set('tags', tags)} error={form.error('tags')} />
        <FormActions submitLabel="Save changes" busy={loading} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Removing a thread leaves a tombstone; its replies stay. */
export function DeleteThreadConfirm({ thread, onDone }: { thread: ThreadFieldsFragment; onDone: () => void }) {
  const [remove] = useMutation(DeleteThreadDocument);
  const action = useAction();
  return (
    <ConfirmRemoval
      title="Remove this thread?"
      consequence="Its text is removed for everyone; its replies stay."
      confirmLabel="Remove thread"
      busy={action.busy}
      error={action.error}
      onConfirm={async () => {
        if (await action.run(() => remove({ variables: { threadId: thread.id }, update: forgetThreadLists }))) onDone();
      }}
      onCancel={onDone}
    />
  );
}

/** Picks the original thread from the forum's latest threads, or reads a pasted link or id. */
export function DuplicateForm({ thread, onDone }: { thread: ThreadFieldsFragment; onDone: () => void }) {
  const [close] = useMutation(CloseThreadAsDuplicateDocument);
  const threads = useQuery(ForumThreadsDocument, { variables: { communityId: thread.communityId, filter: null } });
  const [picked, setPicked] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  const options = (threads.data?.threads.edges ?? []).filter(({ node }) => node.id !== thread.id && !node.deleted).map(({ node }) => ({ value: node.id, label: node.title }));
  const serverProblem = fieldError(action.error, 'duplicateOfId');
  return (
    <Paper withBorder p="md" radius="md">
      <form
        noValidate
        aria-labelledby="duplicate-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          const original = pasted.trim() ? threadIdFrom(pasted) : picked;
          if (!original) {
            setProblem(pasted.trim() ? 'Paste a link to a thread of this forum, or its id.' : 'Choose the original thread, or paste a link to it.');
            return;
          }
          if (original === thread.id) {
            setProblem('A thread cannot duplicate itself: choose another one.');
            return;
          }
          setProblem(null);
          if (await action.run(() => close({ variables: { threadId: thread.id, duplicateOfId: original }, update: forgetThreadLists }))) onDone();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5" id="duplicate-heading">
            Close as a duplicate
          </Title>
          <Text size="sm" c="dimmed">
            Replies stop; readers are sent to the original thread.
          </Text>
          <Select
            label="Original thread"
            placeholder={threads.loading ? 'Loading threads…' : 'Choose from the latest threads'}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            nothingFoundMessage="No thread with that title among the latest ones"
            description={threads.error ? 'The threads could not be loaded: paste a link instead.' : undefined}
          />
          <TextInput
            label="Or paste a link or id of the original thread"
            placeholder="https://…/forum/threads/…"
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            error={problem ?? serverProblem}
          />
          {action.error && !serverProblem && <ErrorAlert error={action.error} />}
          <FormActions submitLabel="Close as duplicate" busy={action.busy} onCancel={onDone} size="xs" />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Lock, pin, close as duplicate (or undo each): the moderators' menu. Closing as a duplicate
 * asks which thread is the original (`onCloseAsDuplicate`); the rest act at once through `run`.
 */
export function ModeratorMenu({
  thread,
  run,
  busy,
  onCloseAsDuplicate,
}: {
  thread: ThreadFieldsFragment;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  onCloseAsDuplicate: () => void;
}) {
  const [lock] = useMutation(LockThreadDocument);
  const [pin] = useMutation(PinThreadDocument);
  const [close] = useMutation(CloseThreadAsDuplicateDocument);
  const options = { update: forgetThreadLists };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-sm" loading={busy}>
          Moderate
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run(() => lock({ variables: { threadId: thread.id, locked: !thread.locked }, ...options }))}>
          {thread.locked ? 'Unlock thread' : 'Lock thread'}
        </Menu.Item>
        <Menu.Item onClick={() => void run(() => pin({ variables: { threadId: thread.id, pinned: !thread.pinned }, ...options }))}>
          {thread.pinned ? 'Unpin thread' : 'Pin thread'}
        </Menu.Item>
        {thread.duplicateOfId ? (
          <Menu.Item onClick={() => void run(() => close({ variables: { threadId: thread.id, duplicateOfId: null }, ...options }))}>Reopen (not a duplicate)</Menu.Item>
        ) : (
          <Menu.Item onClick={onCloseAsDuplicate}>Close as duplicate…</Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A thread's or a reply's earlier versions (the API answers null to anyone but moderators). */
function useRevisions(target: HistoryTarget) {
  const thread = useQuery(ThreadRevisionsDocument, { variables: { id: target.id }, fetchPolicy: 'cache-and-network', skip: target.kind !== 'thread' });
  const reply = useQuery(ReplyRevisionsDocument, { variables: { id: target.id }, fetchPolicy: 'cache-and-network', skip: target.kind !== 'reply' });
  const result = target.kind === 'thread' ? thread : reply;
  const revisions = (target.kind === 'thread' ? thread.data?.thread.revisions : reply.data?.reply.revisions) ?? [];
  return { revisions, loading: result.loading, loaded: Boolean(result.data), error: result.error, refetch: result.refetch };
}

function Revisions({ target }: { target: HistoryTarget }) {
  const { revisions, loading, loaded, error, refetch } = useRevisions(target);
  return (
    <QueryState loading={loading && !loaded} error={toApiError(error)} empty={revisions.length === 0} emptyText="Not edited yet." onRetry={() => void refetch()}>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Earlier versions">
        {revisions.map((revision) => (
          <Paper component="li" key={revision.version} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Version {revision.version} · replaced <time dateTime={revision.createdAt}>{dateTime(revision.createdAt)}</time>
              </Text>
              {revision.title && <Text size="sm">Title: {revision.title}</Text>}
              {/* The Markdown source as text: a revision is shown, never rendered. */}
              <Code block style={{ whiteSpace: 'pre-wrap' }}>
                {revision.body}
              </Code>
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {count(revisions.length, 'earlier version')}
      </Text>
    </QueryState>
  );
}

export interface HistoryTarget {
  kind: 'thread' | 'reply';
  id: string;
}

/** Moderators' disclosure of a thread's or a reply's earlier versions, loaded when opened. */
export function EditHistory({ target }: { target: HistoryTarget }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Stack gap="xs">
      <Button variant="subtle" size="compact-sm" w="fit-content" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide edit history' : 'Edit history'}
      </Button>
      <Collapse expanded={open} id={id}>
        {open && <Revisions target={target} />}
      </Collapse>
    </Stack>
  );
}
