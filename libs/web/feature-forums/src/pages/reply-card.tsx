import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Badge, Blockquote, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { ErrorCode } from '@commons/shared-contracts';
import { AcceptAnswerDocument, DeleteReplyDocument, EditReplyDocument, useAction, useForm, useReaction, type ReplyFieldsFragment, type ThreadFieldsFragment } from '@commons/web-data-access';
import { FlagButton, ModerationStatus, PostingErrorAlert, useViewerId } from '@commons/web-feature-moderation';
import { ConfirmRemoval, ConflictAlert, ErrorAlert, FormActions, ReactionsBar } from '@commons/web-ui';
import { AuthorLine } from '../components/author-line';
import { EditHistory } from './thread-actions';
import { ForumEditor, useThreadCommunityId } from '../components/forum-editor';
import { PostBody } from '../components/post-body';
import { forgetThreadLists, unacceptReply } from '../forum-cache';
import { rules } from '../forum-model';

export const replyAnchor = (replyId: string): string => `reply-${replyId}`;

/** The reply a link points at (`#reply-…`), if any. */
export const replyIdFromHash = (hash: string): string | null => (hash.startsWith('#reply-') && hash.length > 7 ? decodeURIComponent(hash.slice(7)) : null);

/** The start of a reply as plain text, for a quote. */
export function excerpt(markdown: string, length = 160): string {
  const text = markdown.replace(/\s+/gu, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function ReplyEditForm({ reply, onDone, onReload }: { reply: ReplyFieldsFragment; onDone: () => void; onReload: () => Promise<unknown> }) {
  const [edit, { loading }] = useMutation(EditReplyDocument);
  // The version the edit started from: a newer one may arrive live meanwhile, and saving over it
  // must be a conflict, not a silent overwrite.
  const [startedFrom] = useState(reply.version);
  const form = useForm({ body: reply.body }, { body: rules.body });
  const communityId = useThreadCommunityId(reply.threadId);
  return (
    <form
      noValidate
      aria-label="Edit the reply"
      onSubmit={form.submit(async (values) => {
        await edit({ variables: { input: { replyId: reply.id, version: startedFrom, body: values.body } } });
        onDone();
      })}
    >
      <Stack gap="xs">
        {form.serverError?.code === ErrorCode.Conflict ? (
          <ConflictAlert what="reply" onReload={onReload} />
        ) : (
          form.generalError && <PostingErrorAlert error={form.generalError} />
        )}
        <ForumEditor
          communityId={communityId}
          label="Reply text"
          value={form.values.body}
          onChange={(v) => form.set('body', v)}
          error={form.error('body')}
          minRows={4}
          previewLevel={4}
          submitHint="saves the reply"
        />
        <FormActions submitLabel="Save reply" busy={loading} onCancel={onDone} size="xs" />
      </Stack>
    </form>
  );
}

/**
 * One reply: its author, the reply it quotes, its text (or tombstone), reactions, and what the
 * viewer may do with it: reply, quote, accept it as the answer, edit it in place, remove it.
 */
export function ReplyCard({
  reply,
  thread,
  accepted,
  isNew = false,
  canReact,
  onReply,
  onQuote,
  onReload,
}: {
  reply: ReplyFieldsFragment;
  thread: ThreadFieldsFragment;
  accepted: boolean;
  /** Posted by someone else while the page was open. */
  isNew?: boolean;
  canReact: boolean;
  onReply: () => void;
  onQuote: (reply: ReplyFieldsFragment) => void;
  onReload: () => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  /** Each reload the edit form asks for (after a conflict) starts the form again from the reloaded reply. */
  const [editRound, setEditRound] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [accept] = useMutation(AcceptAnswerDocument);
  const [remove] = useMutation(DeleteReplyDocument);
  const action = useAction();
  const name = reply.author?.displayName ?? 'a removed author';
  const reaction = useReaction('Reply', reply.id, reply.reactions);
  const canAccept = thread.kind === 'QUESTION' && thread.viewerCan.accept && !reply.deleted && !accepted && reply.moderationState === 'VISIBLE';
  const canAnswer = thread.viewerCan.reply && !reply.deleted;
  const viewerId = useViewerId();
  const mine = reply.author !== null && reply.author.id === viewerId;
  const canFlag = !mine && !reply.deleted && viewerId !== null;
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      id={replyAnchor(reply.id)}
      tabIndex={-1}
      aria-label={`Reply by ${name}`}
      style={accepted ? { borderColor: 'var(--mantine-color-teal-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs">
            <AuthorLine author={reply.author} createdAt={reply.createdAt} editedAt={reply.editedAt} verb="replied" />
            {isNew && (
              <Badge color="blue" variant="light" size="sm">
                New
              </Badge>
            )}
          </Group>
          <ModerationStatus state={reply.moderationState} mine={mine} contentId={reply.id} what="the decision about your reply" />
          {accepted && (
            <Badge color="teal.9" variant="filled">
              Accepted answer
            </Badge>
          )}
        </Group>
        {reply.replyTo && (
          <Blockquote color="gray" p="xs" cite={`— ${reply.replyTo.authorName ?? 'A removed author'}`}>
            <Text size="sm" c={reply.replyTo.excerpt ? undefined : 'dimmed'} fs={reply.replyTo.excerpt ? undefined : 'italic'}>
              {reply.replyTo.excerpt || 'The quoted reply was removed.'}
            </Text>
          </Blockquote>
        )}
        {editing ? (
          <ReplyEditForm
            key={editRound}
            reply={reply}
            onDone={() => setEditing(false)}
            onReload={async () => {
              await onReload();
              setEditRound((n) => n + 1);
            }}
          />
        ) : (
          <PostBody html={reply.bodyHtml} deleted={reply.deleted} topLevel={4} />
        )}
        {!reply.deleted && <ReactionsBar reactions={reply.reactions} canReact={canReact} onToggle={reaction.toggle} error={reaction.error} label={`Reactions to the reply by ${name}`} />}
        {!editing && (canAnswer || canAccept || reply.viewerCan.edit || reply.viewerCan.delete || canFlag) && (
          <Group gap="xs">
            {canAnswer && (
              <>
                <Button size="compact-sm" variant="subtle" onClick={onReply}>
                  Reply
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => onQuote(reply)}>
                  Quote
                </Button>
              </>
            )}
            {canAccept && (
              <Button
                size="compact-sm"
                variant="filled"
                color="teal.9"
                loading={action.busy}
                onClick={() => void action.run(() => accept({ variables: { input: { threadId: thread.id, replyId: reply.id } }, update: forgetThreadLists }))}
              >
                Accept answer
              </Button>
            )}
            {reply.viewerCan.edit && (
              <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {reply.viewerCan.delete && (
              <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            )}
            {canFlag && <FlagButton contentKind="FORUM_REPLY" contentId={reply.id} what={`the reply by ${name}`} />}
          </Group>
        )}
        {confirmDelete && (
          <ConfirmRemoval
            title="Remove this reply?"
            consequence={`Its text is removed for everyone${accepted ? ', and it stops being the accepted answer' : ''}.`}
            confirmLabel="Remove reply"
            busy={action.busy}
            onConfirm={async () => {
              const done = await action.run(() =>
                remove({
                  variables: { replyId: reply.id },
                  update: (cache) => {
                    unacceptReply(cache, thread.id, reply.id);
                    if (accepted) forgetThreadLists(cache);
                  },
                }),
              );
              if (done) setConfirmDelete(false);
            }}
            onCancel={() => setConfirmDelete(false)}
          />
        )}
        {action.error && <ErrorAlert error={action.error} />}
        {thread.viewerCan.moderate && reply.editedAt && !editing && <EditHistory target={{ kind: 'reply', id: reply.id }} />}
      </Stack>
    </Paper>
  );
}
