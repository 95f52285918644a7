import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, NumberInput, Select, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TAGS_MAX } from '@commons/shared-contracts';
import {
  CreateKnowledgeArticleDocument,
  KnowledgeArticleDocument,
  toApiError,
  UpdateKnowledgeArticleDocument,
  type KnowledgeArticleFieldsFragment,
  type KnowledgeArticleKind,
} from '@commons/web-data-access';
import { ConflictAlert, ErrorAlert, MarkdownEditor, QueryState, SanitizedHtml } from '@commons/web-ui';
import { articleEditPath, articlePath, KIND_LABEL } from '../article-paths';
import { PeoplePicker, type PickedPerson } from '../components/people-picker';
import { ReviewWorkflow } from '../components/review-workflow';

interface ArticleForm {
  title: string;
  kind: KnowledgeArticleKind;
  tags: string[];
  body: string;
  owners: PickedPerson[];
  reviewers: PickedPerson[];
  sharedExternally: boolean;
  reviewPeriodDays: number;
}

const EMPTY: ArticleForm = { title: '', kind: 'HOW_TO', tags: [], body: '', owners: [], reviewers: [], sharedExternally: false, reviewPeriodDays: 180 };
const KIND_OPTIONS = (Object.keys(KIND_LABEL) as KnowledgeArticleKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }));

function formOf(article: KnowledgeArticleFieldsFragment): ArticleForm {
  return {
    title: article.draft?.title ?? article.title,
    kind: article.kind,
    tags: article.tags,
    body: article.draft?.body ?? '',
    owners: article.owners,
    reviewers: article.reviewers,
    sharedExternally: article.sharedExternally,
    reviewPeriodDays: article.reviewPeriodDays,
  };
}

const samePeople = (a: PickedPerson[], b: PickedPerson[]) => a.map((p) => p.id).join() === b.map((p) => p.id).join();
const sameForm = (a: ArticleForm, b: ArticleForm) =>
  a.title === b.title && a.kind === b.kind && a.tags.join() === b.tags.join() && a.body === b.body && samePeople(a.owners, b.owners) && samePeople(a.reviewers, b.reviewers) && a.sharedExternally === b.sharedExternally && a.reviewPeriodDays === b.reviewPeriodDays;

/** Writes a new article (at /knowledge/articles/new) or the next version of one (at /knowledge/articles/:id/edit), with preview and the review workflow. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const existing = useQuery(KnowledgeArticleDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const article = existing.data?.knowledgeArticle ?? null;
  const [form, setForm] = useState<ArticleForm>(EMPTY);
  const [baseline, setBaseline] = useState<ArticleForm>(EMPTY);
  const [conflict, setConflict] = useState(false);
  const [create, creating] = useMutation(CreateKnowledgeArticleDocument);
  const [update, updating] = useMutation(UpdateKnowledgeArticleDocument);
  const communityId = article ? article.communityId : params.get('community');

  // The form starts from the server's working copy, and again when a reload or a save brings a new revision.
  const loadedKey = article ? `${article.id}:${article.draft?.revision ?? 0}` : null;
  const [syncedKey, setSyncedKey] = useState<string | null>(null);
  if (article && loadedKey !== syncedKey) {
    setSyncedKey(loadedKey);
    setForm(formOf(article));
    setBaseline(formOf(article));
  }

  const set = <K extends keyof ArticleForm>(key: K, value: ArticleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const apiError = toApiError(creating.error ?? updating.error);
  const fieldError = (field: string) => apiError?.fields.find((f) => f.field === field)?.message;
  const canPublish = article ? article.viewerCan.publish : true;
  const canEdit = article ? article.viewerCan.edit : true;
  const dirty = !sameForm(form, baseline);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!article) {
      const { data } = await create({
        variables: {
          input: {
            communityId,
            collectionId: params.get('collection'),
            kind: form.kind,
            title: form.title,
            body: form.body,
            tags: form.tags,
            ownerIds: form.owners.map((p) => p.id),
            reviewerIds: form.reviewers.map((p) => p.id),
            sharedExternally: communityId ? false : form.sharedExternally,
            reviewPeriodDays: form.reviewPeriodDays,
          },
        },
      });
      if (data) void navigate(articleEditPath(data.createKnowledgeArticle.id), { replace: true });
      return;
    }
    const people = canPublish && (!samePeople(form.owners, baseline.owners) || !samePeople(form.reviewers, baseline.reviewers));
    await update({
      variables: {
        input: {
          articleId: article.id,
          revision: article.draft?.revision ?? 0,
          title: form.title,
          body: form.body,
          kind: form.kind,
          tags: form.tags,
          reviewPeriodDays: form.reviewPeriodDays,
          ...(people ? { ownerIds: form.owners.map((p) => p.id), reviewerIds: form.reviewers.map((p) => p.id) } : {}),
          ...(canPublish && !article.communityId && form.sharedExternally !== baseline.sharedExternally ? { sharedExternally: form.sharedExternally } : {}),
        },
      },
    }).catch((error: unknown) => {
      if (toApiError(error)?.code === 'CONFLICT') setConflict(true);
      else throw error;
    });
  };

  const reload = async () => {
    setConflict(false);
    creating.reset();
    updating.reset();
    await existing.refetch();
  };

  return (
    <QueryState loading={Boolean(id) && existing.loading && !article} error={toApiError(existing.error)} onRetry={() => void existing.refetch()}>
      <Stack gap="lg" maw={900}>
        <Stack gap={4}>
          <Anchor component={Link} to={article ? articlePath(article.id) : communityId ? `/knowledge?community=${encodeURIComponent(communityId)}` : '/knowledge'} size="sm">
            {article ? 'Back to the article' : 'Knowledge base'}
          </Anchor>
          <Title order={1} size="h2">
            {article ? `Edit: ${article.draft?.title ?? article.title}` : 'New article'}
          </Title>
          {article && article.publishedVersion > 0 && (
            <Text size="sm" c="dimmed">
              Readers see version {article.publishedVersion} until the next version is published.
            </Text>
          )}
        </Stack>
        {conflict && <ConflictAlert what="article" onReload={reload} />}
        {canEdit ? (
          <Stack component="form" gap="sm" onSubmit={(e) => void save(e).catch(() => undefined)} aria-label="Article">
            <TextInput label="Title" required maxLength={200} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('title')} />
            <Group grow align="flex-start">
              <Select label="Kind" data={KIND_OPTIONS} value={form.kind} allowDeselect={false} onChange={(v) => v && set('kind', v as KnowledgeArticleKind)} />
              <NumberInput label="Review every (days)" min={7} max={3650} value={form.reviewPeriodDays} onChange={(v) => set('reviewPeriodDays', typeof v === 'number' ? v : 180)} error={fieldError('reviewPeriodDays')} />
            </Group>
            <TagsInput label="Tags" description={`Up to ${TAGS_MAX}.`} maxTags={TAGS_MAX} value={form.tags} onChange={(v) => set('tags', v)} error={fieldError('tags')} />
            <MarkdownEditor label="Text" value={form.body} onChange={(v) => set('body', v)} error={fieldError('body')} minRows={12} maxLength={100_000} previewLevel={2} />
            {canPublish && (
              <>
                <PeoplePicker label="Owners" description="They edit the article and are reminded when its review is due." value={form.owners} onChange={(v) => set('owners', v)} />
                <PeoplePicker label="Reviewers" description="With reviewers, every version needs a reviewer's approval before it is published." value={form.reviewers} onChange={(v) => set('reviewers', v)} />
                {!communityId && <Switch label="Also for customers and partners" checked={form.sharedExternally} onChange={(e) => set('sharedExternally', e.currentTarget.checked)} />}
              </>
            )}
            {apiError && apiError.fields.length === 0 && apiError.code !== 'CONFLICT' && <ErrorAlert error={apiError} />}
            <Group gap="xs">
              <Button type="submit" loading={creating.loading || updating.loading} disabled={!form.title.trim() || (Boolean(article) && !dirty)}>
                {article ? 'Save draft' : 'Create draft'}
              </Button>
              {article && !dirty && <Text size="sm" c="dimmed">All changes saved.</Text>}
            </Group>
          </Stack>
        ) : (
          article?.draft && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                The draft to review
              </Title>
              <SanitizedHtml html={article.draft.bodyHtml} topLevel={2} />
            </Stack>
          )
        )}
        {article && <ReviewWorkflow article={article} unsaved={dirty} onConflict={() => setConflict(true)} />}
      </Stack>
    </QueryState>
  );
}
