import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { KnowledgeArticleDocument, MarkKnowledgeArticleReviewedDocument, toApiError } from '@commons/web-data-access';
import { date, ErrorAlert, QueryState, SanitizedHtml } from '@commons/web-ui';
import { articleEditPath, collectionPath, KIND_LABEL, STATE_LABEL } from '../article-paths';
import { FeedbackBox } from '../components/feedback-box';
import { FeedbackComments } from '../components/feedback-comments';
import { VersionHistory } from '../components/version-history';

/** One article at /knowledge/articles/:id: the published version, its history and diffs, feedback, and the owners' actions. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(KnowledgeArticleDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [markReviewed, marking] = useMutation(MarkKnowledgeArticleReviewedDocument);
  const article = data?.knowledgeArticle;
  const markError = toApiError(marking.error);
  return (
    <QueryState loading={loading && !article} error={toApiError(error)} onRetry={() => void refetch()}>
      {article && (
        <Stack gap="lg" maw={860}>
          <Stack gap={4}>
            <Group gap="xs">
              <Anchor component={Link} to={article.communityId ? `/knowledge?community=${encodeURIComponent(article.communityId)}` : '/knowledge'} size="sm">
                Knowledge base
              </Anchor>
              {article.collectionId && (
                <>
                  <Text size="sm" c="dimmed" aria-hidden>
                    /
                  </Text>
                  <Anchor component={Link} to={collectionPath(article.collectionId)} size="sm">
                    Collection
                  </Anchor>
                </>
              )}
            </Group>
            <Group justify="space-between" align="flex-start">
              <Title order={1} size="h2">
                {article.title || 'Untitled'}
              </Title>
              {(article.viewerCan.edit || article.viewerCan.review || article.viewerCan.publish) && (
                <Button component={Link} to={articleEditPath(article.id)} variant="default" size="sm">
                  {article.viewerCan.edit ? 'Edit and review workflow' : 'Review'}
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Badge variant="light">{KIND_LABEL[article.kind]}</Badge>
              {article.state !== 'PUBLISHED' && <Badge color={STATE_LABEL[article.state].color}>{STATE_LABEL[article.state].label}</Badge>}
              {article.sharedExternally && <Badge color="blue" variant="outline">Also for customers and partners</Badge>}
              {article.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray">
                  #{tag}
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              {article.publishedAt ? `Version ${article.publishedVersion}, published ${date(article.publishedAt)}` : 'Not published yet'}
              {article.lastReviewedAt ? ` · last reviewed ${date(article.lastReviewedAt)}` : ''}
              {article.owners.length > 0 ? ` · owned by ${article.owners.map((o) => o.displayName).join(', ')}` : ''}
              {` · ${article.viewCount} ${article.viewCount === 1 ? 'reader' : 'readers'}`}
            </Text>
            {article.sourceThread && (
              <Text size="sm">
                From the thread{' '}
                <Anchor component={Link} to={`/communities/${encodeURIComponent(article.sourceThread.communitySlug)}/forum/threads/${encodeURIComponent(article.sourceThread.id)}`}>
                  {article.sourceThread.title}
                </Anchor>
              </Text>
            )}
          </Stack>
          {article.reviewDue && (
            <Alert color="orange" title="This article may be out of date" role="status">
              <Stack gap="xs">
                <Text size="sm">Its review was due {article.reviewDueAt ? date(article.reviewDueAt) : ''}.</Text>
                {article.viewerCan.edit && (
                  <Button size="compact-sm" w="fit-content" loading={marking.loading} onClick={() => void markReviewed({ variables: { articleId: article.id } }).catch(() => undefined)}>
                    Mark reviewed: still correct
                  </Button>
                )}
              </Stack>
            </Alert>
          )}
          {markError && <ErrorAlert error={markError} />}
          {article.publishedVersion > 0 ? (
            <SanitizedHtml html={article.bodyHtml} topLevel={2} />
          ) : article.draft ? (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                Draft preview — readers see the article once a version is published.
              </Text>
              <SanitizedHtml html={article.draft.bodyHtml} topLevel={2} />
            </Stack>
          ) : null}
          {article.viewerCan.feedback && <FeedbackBox article={article} />}
          {article.viewerCan.edit && article.publishedVersion > 0 && <FeedbackComments articleId={article.id} />}
          {article.publishedVersion > 0 && <VersionHistory articleId={article.id} current={article.publishedVersion} />}
        </Stack>
      )}
    </QueryState>
  );
}
