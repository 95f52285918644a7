import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import {
  ArchiveKnowledgeArticleDocument,
  PublishKnowledgeArticleDocument,
  ReviewKnowledgeArticleDocument,
  SubmitKnowledgeArticleDocument,
  toApiError,
  type KnowledgeArticleFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { STATE_LABEL } from '../article-paths';

/**
 * The review workflow of the working copy: owners submit it, reviewers approve or send it back
 * with a comment, publishers publish it with a change note. Every step sends the revision shown,
 * so a step taken on a copy someone changed meanwhile is refused (CONFLICT).
 */
export function ReviewWorkflow({ article, unsaved, onConflict }: { article: KnowledgeArticleFieldsFragment; unsaved: boolean; onConflict: () => void }) {
  const [comment, setComment] = useState('');
  const [changeNote, setChangeNote] = useState('');
  const [submit, submitting] = useMutation(SubmitKnowledgeArticleDocument);
  const [review, reviewing] = useMutation(ReviewKnowledgeArticleDocument);
  const [publish, publishing] = useMutation(PublishKnowledgeArticleDocument);
  const [archive, archiving] = useMutation(ArchiveKnowledgeArticleDocument);
  const draft = article.draft;
  if (!draft) return null;
  const error = toApiError(submitting.error ?? reviewing.error ?? publishing.error ?? archiving.error);
  const revision = draft.revision;
  const run = (step: Promise<unknown>) =>
    void step.catch((e: unknown) => {
      if (toApiError(e)?.code === 'CONFLICT') onConflict();
    });
  const needsApproval = article.reviewers.length > 0 && !draft.approved;
  const state = STATE_LABEL[article.state];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workflow-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="workflow-heading">
            Review and publishing
          </Title>
          <Group gap={4}>
            <Badge color={state.color}>{state.label}</Badge>
            {draft.approved && <Badge color="green" variant="outline">Approved</Badge>}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {article.reviewers.length > 0 ? `Reviewers: ${article.reviewers.map((r) => r.displayName).join(', ')}. A reviewer approves each draft before it is published.` : 'No reviewers: a publisher may publish directly.'}
        </Text>
        {draft.reviewComment && (
          <Alert color={article.state === 'DRAFT' ? 'orange' : 'blue'} title={article.state === 'DRAFT' ? 'Sent back by a reviewer' : "Reviewer's note"}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {draft.reviewComment}
            </Text>
          </Alert>
        )}
        {unsaved && <Text size="sm" c="orange.8">Save your changes before moving the article on.</Text>}
        {error && <ErrorAlert error={error} />}

        {article.viewerCan.edit && article.state === 'DRAFT' && article.reviewers.length > 0 && (
          <Button w="fit-content" disabled={unsaved} loading={submitting.loading} onClick={() => run(submit({ variables: { input: { articleId: article.id, revision } } }))}>
            Submit for review
          </Button>
        )}

        {article.viewerCan.review && article.state === 'IN_REVIEW' && !draft.approved && (
          <Stack gap="xs">
            <Textarea label="Review comment" description="Required when sending it back." value={comment} maxLength={4000} autosize minRows={2} onChange={(e) => setComment(e.currentTarget.value)} />
            <Group gap="xs">
              <Button color="green" disabled={unsaved} loading={reviewing.loading} onClick={() => run(review({ variables: { input: { articleId: article.id, revision, approve: true, comment: comment.trim() || null } } }))}>
                Approve
              </Button>
              <Button variant="default" disabled={unsaved || !comment.trim()} loading={reviewing.loading} onClick={() => run(review({ variables: { input: { articleId: article.id, revision, approve: false, comment: comment.trim() } } }))}>
                Send back
              </Button>
            </Group>
          </Stack>
        )}

        {article.viewerCan.publish && (article.state === 'DRAFT' || article.state === 'IN_REVIEW') && (
          <Stack gap="xs">
            {needsApproval && <Text size="sm">A reviewer has to approve this draft before it can be published.</Text>}
            <TextInput label="Change note" description="What changed in this version." value={changeNote} maxLength={500} onChange={(e) => setChangeNote(e.currentTarget.value)} />
            <Button
              w="fit-content"
              disabled={unsaved || needsApproval || !changeNote.trim()}
              loading={publishing.loading}
              onClick={() => run(publish({ variables: { input: { articleId: article.id, revision, changeNote: changeNote.trim() } } }).then(() => setChangeNote('')))}
            >
              Publish version {article.publishedVersion + 1}
            </Button>
          </Stack>
        )}

        {article.viewerCan.publish && article.state !== 'ARCHIVED' && article.publishedVersion > 0 && (
          <Button variant="subtle" color="red" w="fit-content" loading={archiving.loading} onClick={() => run(archive({ variables: { articleId: article.id } }))}>
            Archive the article
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
