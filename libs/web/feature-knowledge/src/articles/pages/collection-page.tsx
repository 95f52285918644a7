import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { KnowledgeArticlesDocument, KnowledgeCollectionDocument, KnowledgeSubcollectionsDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, QueryState } from '@commons/web-ui';
import { collectionPath, newArticlePath } from '../article-paths';
import { ArticleList } from '../components/article-list';
import { CollectionList } from '../components/collection-list';
import { NewCollectionForm } from '../components/new-collection-form';

/** The articles of one collection, its sub-collections and its place in the tree, at /knowledge/collections/:id. */
export function CollectionPage() {
  const { id = '' } = useParams();
  const collection = useQuery(KnowledgeCollectionDocument, { variables: { id } });
  const node = collection.data?.knowledgeCollection;
  const children = useQuery(KnowledgeSubcollectionsDocument, { variables: { communityId: node?.communityId ?? null, parentId: id }, skip: !node });
  const articles = useQuery(KnowledgeArticlesDocument, { variables: { filter: { collectionId: id } }, fetchPolicy: 'cache-and-network' });
  const subcollections = children.data?.knowledgeCollections.edges.map((e) => e.node) ?? [];
  const list = articles.data?.knowledgeArticles.edges.map((e) => e.node) ?? [];
  const home = node?.communityId ? `/knowledge?community=${encodeURIComponent(node.communityId)}` : '/knowledge';
  return (
    <QueryState loading={collection.loading && !node} error={toApiError(collection.error)} onRetry={() => void collection.refetch()}>
      {node && (
        <Stack gap="lg" maw={900}>
          <Stack gap={4}>
            <Group gap="xs">
              <Anchor component={Link} to={home} size="sm">
                Knowledge base
              </Anchor>
              {node.parentId && (
                <>
                  <Text size="sm" c="dimmed" aria-hidden>
                    /
                  </Text>
                  <Anchor component={Link} to={collectionPath(node.parentId)} size="sm">
                    Parent collection
                  </Anchor>
                </>
              )}
            </Group>
            <Group justify="space-between" align="flex-end">
              <Title order={1} size="h2">
                {node.title}
              </Title>
              {node.viewerCanManage && (
                <Button component={Link} to={newArticlePath({ communityId: node.communityId, collectionId: node.id })} size="sm">
                  New article here
                </Button>
              )}
            </Group>
            {node.description && <Text c="dimmed">{node.description}</Text>}
          </Stack>
          {(subcollections.length > 0 || node.viewerCanManage) && (
            <Stack gap="xs">
              <Title order={2} size="h4">
                Collections
              </Title>
              {subcollections.length > 0 && <CollectionList collections={subcollections} label={`Collections in ${node.title}`} />}
              {node.viewerCanManage && <NewCollectionForm communityId={node.communityId ?? null} parentId={node.id} onCreated={() => children.refetch()} />}
            </Stack>
          )}
          <Stack gap="xs">
            <Title order={2} size="h4">
              Articles
            </Title>
            <QueryState loading={articles.loading && !articles.data} error={toApiError(articles.error)} empty={list.length === 0} emptyText="No published articles in this collection yet." onRetry={() => void articles.refetch()}>
              <ArticleList articles={list} label={`Articles in ${node.title}`} />
              <LoadMoreButton
                pageInfo={articles.data?.knowledgeArticles.pageInfo}
                fetchMore={(after) =>
                  articles.fetchMore({
                    variables: { after },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      knowledgeArticles: { ...fetchMoreResult.knowledgeArticles, edges: [...previous.knowledgeArticles.edges, ...fetchMoreResult.knowledgeArticles.edges] },
                    }),
                  })
                }
              />
            </QueryState>
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}
