import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorCode, TAGS_MAX } from '@commons/shared-contracts';
import {
  BlogPostForEditDocument,
  CreateBlogPostDocument,
  UpdateBlogPostDocument,
  useEditorSuggestions,
  useForm,
  validate,
  type BlogPostEditFieldsFragment,
} from '@commons/web-data-access';
import { PostingErrorAlert } from '@commons/web-feature-moderation';
import { ConflictAlert, MarkdownEditor, SanitizedHtml } from '@commons/web-ui';
import { forgetPostLists } from '../blog-cache';
import { blogPath, editPath, postPath, useViewerId } from '../blog-community';
import { timeOfDay } from '../labels';
import { draftInput, EMPTY_DRAFT, normalizeTags, postRules, sameDraft, type PostDraft } from '../validation';
import { CoAuthorsField } from './co-authors-field';
import { PublishPanel } from './publish-panel';

/** How long typing must pause before the draft saves itself. */
export const AUTOSAVE_DELAY_MS = 1500;

type Post = BlogPostEditFieldsFragment;

export function draftOf(post: Post): PostDraft {
  return {
    title: post.title,
    excerpt: post.excerpt,
    coverImageUrl: post.coverImageUrl ?? '',
    tags: post.tags,
    body: post.body,
    coAuthorIds: post.coAuthorIds,
  };
}

const noEvent = { preventDefault: () => undefined } as FormEvent;

/**
 * The editor of a new or existing post. A new post becomes a draft on its first save (it needs a
 * title) and the address moves to the draft's; from then on every pause in typing saves it with
 * the version it started from. A stale version means another tab or a co-author changed the
 * post: saving stops and the person is offered the current version.
 */
export function PostEditor({
  community,
  post,
  onCreated,
}: {
  community: { id: string; slug: string; name: string };
  post: Post | null;
  /** Told the new draft's slug before the address moves to it. */
  onCreated?: (slug: string) => void;
}) {
  const navigate = useNavigate();
  const client = useApolloClient();
  const viewerId = useViewerId();
  const [create] = useMutation(CreateBlogPostDocument);
  const [update] = useMutation(UpdateBlogPostDocument);
  const initial = post ? draftOf(post) : EMPTY_DRAFT;
  const form = useForm<PostDraft>(initial, postRules);
  const suggestions = useEditorSuggestions(community.id);

  // The server's copy after the latest save, and what that save sent.
  const [saved, setSaved] = useState<Post | null>(post);
  const [lastSent, setLastSent] = useState<PostDraft>(initial);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  // The values a save failed for (other than a conflict): not tried again until they change.
  const [failed, setFailed] = useState<PostDraft | null>(null);

  // What asynchronous saves read: the latest values, post id and version, the save in flight.
  const latest = useRef({ form, saved, lastSent });
  const inFlight = useRef<Promise<unknown> | null>(null);
  useEffect(() => {
    latest.current = { form, saved, lastSent };
  });

  const conflict = form.serverError?.code === ErrorCode.Conflict;
  const pristine = !saved && sameDraft(form.values, EMPTY_DRAFT);
  const dirty = !pristine && (!saved || !sameDraft(form.values, lastSent));
  const clientErrors = validate(form.values, postRules);
  const invalid = Object.keys(clientErrors).length > 0;
  const failedNow = failed !== null && sameDraft(form.values, failed);

  /** Sends the current values (creating the draft first if needed); one save at a time. */
  const send = async (values: PostDraft): Promise<void> => {
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const { saved: current, lastSent: sent } = latest.current;
    if (current && sameDraft(values, sent)) return;
    const input = draftInput(values);
    setSaving(true);
    const run = (async () => {
      if (!current) {
        const { data } = await create({
          variables: { input: { communityId: community.id, ...input } },
          update: (cache, { data: created }) => {
            if (!created) return;
            // The edit address reads the draft from the cache: the editor stays as it is.
            cache.writeQuery({ query: BlogPostForEditDocument, variables: { communityId: community.id, slug: created.createBlogPost.slug }, data: { blogPost: created.createBlogPost } });
            forgetPostLists(cache);
          },
        });
        return data?.createBlogPost ?? null;
      }
      const { data } = await update({ variables: { input: { postId: current.id, version: current.version, ...input } } });
      return data?.updateBlogPost ?? null;
    })();
    inFlight.current = run;
    try {
      const result = await run;
      if (!result) return;
      latest.current = { ...latest.current, saved: result, lastSent: values };
      setSaved(result);
      setLastSent(values);
      setSavedAt(new Date());
      setFailed(null);
      if (!current) {
        onCreated?.(result.slug);
        void navigate(editPath(community.slug, result.slug), { replace: true });
      }
    } catch (error) {
      setFailed(values);
      throw error;
    } finally {
      inFlight.current = null;
      setSaving(false);
    }
  };

  /** Validates and saves now (the form's own errors and the server's land next to the fields). */
  const saveNow = () => latest.current.form.submit(send)(noEvent);

  // Autosave: a pause in typing saves the draft, unless it cannot be saved as it is.
  const saveLater = useRef(saveNow);
  useEffect(() => {
    saveLater.current = saveNow;
  });
  // Invalid values are not sent, but the pause still shows what to fix next to the fields.
  const canAutosave = dirty && !conflict && !saving && !failedNow;
  useEffect(() => {
    if (!canAutosave) return;
    const timer = setTimeout(() => void saveLater.current(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form.values, canAutosave]);

  // Leaving the editor for another screen saves what is pending (an existing post only: a new
  // one would move the address back to its editor).
  useEffect(
    () => () => {
      const { form: last, saved: stored, lastSent: sent } = latest.current;
      if (stored && !sameDraft(last.values, sent) && last.serverError?.code !== ErrorCode.Conflict) void saveLater.current();
    },
    [],
  );

  // Leaving with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!dirty && !saving) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, saving]);

  /** Saves whatever is pending; true when the post on the server matches the editor. */
  const flush = async (): Promise<boolean> => {
    await saveNow();
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const now = latest.current;
    return Boolean(now.saved) && sameDraft(now.form.values, now.lastSent) && !now.form.serverError;
  };

  /** After a conflict: the current version replaces what the editor holds. */
  const reload = async () => {
    if (!saved) return;
    setReloading(true);
    try {
      const { data } = await client.query({ query: BlogPostForEditDocument, variables: { communityId: community.id, slug: saved.slug }, fetchPolicy: 'network-only' });
      if (!data) return;
      const fresh = draftOf(data.blogPost);
      latest.current = { ...latest.current, saved: data.blogPost, lastSent: fresh };
      setSaved(data.blogPost);
      setLastSent(fresh);
      form.setValues(fresh);
      form.setServerError(null);
      setSavedAt(null);
    } finally {
      setReloading(false);
    }
  };

  const status = saving
    ? 'Saving…'
    : conflict
      ? 'Not saved: the post changed somewhere else.'
      : pristine
        ? 'Start with a title: the draft saves itself as you write.'
        : dirty && invalid
          ? `Not saved yet: ${Object.values(clientErrors)[0] ?? ''}`
          : failedNow
            ? 'Not saved.'
            : dirty
              ? 'Unsaved changes'
              : savedAt
                ? `Saved at ${timeOfDay(savedAt)}`
                : 'All changes saved';
  const problem = conflict || failedNow || (dirty && invalid);
  const bodyChanged = saved !== null && form.values.body !== lastSent.body;
  // During a conflict the fields stay usable (to copy text from); only saving stops.
  const disabled = reloading;

  return (
    <Stack gap="lg" maw={860}>
      <Stack gap="xs">
        <Anchor component={Link} to={saved?.state === 'PUBLISHED' ? postPath(community.slug, saved.slug) : blogPath(community.slug)} size="sm" underline="always" w="fit-content">
          {saved?.state === 'PUBLISHED' ? 'Back to the post' : `${community.name} blog`}
        </Anchor>
        <Title order={2}>{saved ? 'Edit post' : 'New post'}</Title>
        <Text size="sm" c="dimmed">
          {saved?.state === 'PUBLISHED'
            ? 'Changes to a published post show as soon as they are saved.'
            : 'Your draft saves itself a moment after you stop typing; only you and your co-authors see it until it is published.'}
        </Text>
      </Stack>

      <form noValidate onSubmit={(event) => void form.submit(send)(event)} aria-label="Post">
        <Stack gap="md">
          <Group justify="space-between" align="center" mih={28}>
            <Text size="sm" c={problem ? 'red.8' : 'dimmed'} role="status" aria-live="polite" data-testid="autosave-status">
              {status}
            </Text>
            <Button type="submit" variant="default" size="xs" disabled={disabled || saving || (!dirty && !pristine)}>
              Save draft
            </Button>
          </Group>
          {conflict && (
            <ConflictAlert
              what="post"
              title="This post changed somewhere else"
              message="Another tab or a co-author changed this post while you were editing it, so your latest changes were not saved. Reload to continue from the current version (copy any text you want to keep first: reloading replaces what is in the editor)."
              onReload={() => void reload()}
              reloading={reloading}
            />
          )}
          {form.generalError && !conflict && <PostingErrorAlert error={form.generalError} />}
          <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <TextInput label="Title" required {...form.field('title')} />
              <Textarea label="Excerpt" description="A sentence or two for lists and the feed." autosize minRows={2} maxRows={5} {...form.field('excerpt')} />
              <TextInput label="Cover image URL" description="An https:// address of an image (optional)." type="url" inputMode="url" {...form.field('coverImageUrl')} />
              <TagsInput
                label="Tags"
                description={`Up to ${TAGS_MAX}; press Enter after each.`}
                value={form.values.tags}
                onChange={(tags) => form.set('tags', normalizeTags(tags))}
                error={form.error('tags')}
                clearable
              />
              <CoAuthorsField value={form.values.coAuthorIds} onChange={(ids) => form.set('coAuthorIds', ids)} authorId={saved?.author.id ?? viewerId} error={form.error('coAuthorIds')} disabled={disabled} />
              <MarkdownEditor
                label="Body"
                description="Markdown: **bold**, *italic*, `code`, lists, > quotes, tables and [links](https://…)."
                minRows={10}
                maxRows={30}
                value={form.values.body}
                onChange={(body) => form.set('body', body)}
                error={form.error('body')}
                submitHint="saves the draft"
                {...suggestions}
                onTagPick={(tag) => {
                  if (form.values.tags.length < TAGS_MAX) form.set('tags', normalizeTags([...form.values.tags, tag]));
                }}
                // The preview is the server's rendering: save first so it shows the latest text.
                onPreviewOpen={() => {
                  if (dirty && !conflict) void saveNow();
                }}
                renderPreview={() => (
                  <Stack gap="xs" data-testid="post-preview">
                    {bodyChanged && (
                      <Text size="xs" c="dimmed">
                        The preview shows the last saved version; your latest changes appear after the next save.
                      </Text>
                    )}
                    {saved?.bodyHtml.trim() ? (
                      <SanitizedHtml html={saved.bodyHtml} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        Nothing to preview yet.
                      </Text>
                    )}
                  </Stack>
                )}
              />
            </Stack>
          </fieldset>
        </Stack>
      </form>

      <PublishPanel
        community={community}
        post={saved}
        body={form.values.body}
        disabled={disabled || saving || conflict}
        flush={flush}
        onChanged={(changed) => {
          latest.current = { ...latest.current, saved: changed };
          setSaved(changed);
        }}
      />
    </Stack>
  );
}
