import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  GuidelineDocument,
  GuidelineDraftDocument,
  GuidelineVersionsDocument,
  isNotFound,
  PendingGuidelinesDocument,
  PublishGuidelineVersionDocument,
  SaveGuidelineDraftDocument,
  fieldError,
  toApiError,
  useAction,
  type GuidelineDraftQuery,
  type GuidelineFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert, MarkdownEditor, NotFound, QueryState, dateTime } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

type Draft = NonNullable<GuidelineDraftQuery['guidelineDraft']>;

/** The form, started from the draft if there is one, else from the current version's text. */
function DraftForm({ guideline, draft, onSaved }: { guideline: GuidelineFieldsFragment; draft: Draft | null; onSaved: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const [body, setBody] = useState(draft?.body ?? guideline.currentVersion?.body ?? '');
  const [changeNote, setChangeNote] = useState(draft?.changeNote ?? '');
  const [kind, setKind] = useState<'material' | 'editorial'>('material');
  const [saveDraft] = useMutation(SaveGuidelineDraftDocument);
  const [publishVersion] = useMutation(PublishGuidelineVersionDocument, { refetchQueries: [PendingGuidelinesDocument, GuidelineVersionsDocument] });
  const action = useAction();

  const save = () => saveDraft({ variables: { input: { guidelineId: guideline.id, body, changeNote } } });
  const publish = async () => {
    const ok = await action.run(async () => {
      const saved = await save();
      const versionId = saved.data?.saveGuidelineDraft.id;
      if (versionId) await publishVersion({ variables: { input: { guidelineId: guideline.id, versionId, material: kind === 'material' } } });
    });
    if (ok) await navigate(guidelinePath(guideline.key));
  };

  return (
    <>
      <Stack gap={0}>
        <Anchor component={Link} to={guidelinePath(guideline.key)} size="sm">
          {guideline.title}
        </Anchor>
        <Title order={1} size="h2">
          {draft ? `Version ${draft.number} (draft)` : 'Next version'}
        </Title>
        {draft && (
          <Text size="sm" c="dimmed">
            Draft saved {dateTime(draft.updatedAt)}
          </Text>
        )}
      </Stack>
      {action.error && !action.error.fields.length && <ErrorAlert error={action.error} />}
      <MarkdownEditor label="Text" value={body} onChange={setBody} required minRows={12} error={fieldError(action.error, 'input.body') ?? fieldError(action.error, 'body')} />
      <TextInput label="Change note" description="What changed, for the version history." value={changeNote} onChange={(e) => setChangeNote(e.currentTarget.value)} maxLength={500} />
      <Radio.Group
        label="Kind of change"
        description="A material change asks everyone in the audience to acknowledge again; an editorial one (wording, typos) does not."
        value={kind}
        onChange={(v) => setKind(v === 'editorial' ? 'editorial' : 'material')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="material" label="Material: everyone acknowledges again" />
          <Radio value="editorial" label="Editorial: nobody is asked again" />
        </Stack>
      </Radio.Group>
      <Group>
        <Button
          variant="default"
          loading={action.busy}
          onClick={() =>
            void action.run(async () => {
              await save();
              await onSaved();
            })
          }
        >
          Save draft
        </Button>
        <Button loading={action.busy} onClick={() => void publish()} disabled={!body.trim()}>
          Publish
        </Button>
      </Group>
    </>
  );
}

/**
 * The next version of a guideline, for the programme team or the community's managers: write
 * the draft, then publish it as material (everyone acknowledges again) or editorial.
 */
export function GuidelineEditorPage() {
  const { key = '' } = useParams();
  const guidelineQuery = useQuery(GuidelineDocument, { variables: { key } });
  const guideline = guidelineQuery.data?.guideline;
  const draftQuery = useQuery(GuidelineDraftDocument, { variables: { guidelineId: guideline?.id ?? '' }, skip: !guideline, fetchPolicy: 'network-only' });
  const apiError = toApiError(guidelineQuery.error ?? draftQuery.error);
  if (isNotFound(apiError)) return <NotFound what="This guideline" back={{ to: '/knowledge/guidelines', label: 'All guidelines' }} />;
  const draft = draftQuery.data?.guidelineDraft ?? null;

  return (
    <Stack gap="md" maw={820}>
      <QueryState loading={!apiError && (!guideline || !draftQuery.data)} error={apiError} onRetry={() => void guidelineQuery.refetch()}>
        {guideline && draftQuery.data && <DraftForm key={draft?.id ?? 'new'} guideline={guideline} draft={draft} onSaved={() => draftQuery.refetch()} />}
      </QueryState>
    </Stack>
  );
}
