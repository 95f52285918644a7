import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { KnowledgeArticlesDocument, KnowledgeHomeDocument, KnowledgeMyWorkDocument, toApiError } from '@commons/web-data-access';
import { LoadMoreButton, QueryState } from '@commons/web-ui';
import { newArticlePath } from '../article-paths';
import { ArticleList } from '../components/article-list';
import { CollectionList } from '../components/collection-list';
import { NewCollectionForm } from '../components/new-collection-form';

/** Owners' part of the home page: reviews that are due, drafts and submissions; hidden when there is nothing. */
function MyWork() {
  const { data, error } = useQuery(KnowledgeMyWorkDocument, { fetchPolicy: 'cache-and-network' });
  const due = data?.knowledgeReviewDue.edges.map((e) => e.node) ?? [];
  const work = data?.myKnowledgeWork.edges.map((e) => e.node) ?? [];
  if (error || (due.length === 0 && work.length === 0)) return null;
  return (
    <Stack gap="sm">
      {due.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Review due
          </Title>
          <Text size="sm" c="dimmed">
            Articles you own whose content may be stale: check them, then mark them reviewed or publish a new version.
          </Text>
          <ArticleList articles={due} label="Articles whose review is due" />
        </Stack>
      )}
      {work.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Your drafts and reviews
          </Title>
          <ArticleList articles={work} label="Drafts and submissions you own or review" />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The knowledge base at /knowledge: the platform-wide one, or a community's with ?community=id.
 * Collections, a search box, the recently updated articles, and the owner's review-due list.
 */
export function KnowledgeHomePage() {
  const [params] = useSearchParams();
  const communityId = params.get('community');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { data, loading, error, refetch, fetchMore } = useQuery(KnowledgeHomeDocument, {
    variables: { communityId, platformOnly: communityId ? null : true },
    fetchPolicy: 'cache-and-network',
  });
  const collections = data?.knowledgeCollections.edges.map((e) => e.node) ?? [];
  const articles = data?.knowledgeArticles.edges.map((e) => e.node) ?? [];
  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q) void navigate(`/search?${new URLSearchParams({ q, kind: 'ARTICLE', ...(communityId ? { community: communityId } : {}) }).toString()}`);
  };
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Knowledge base
          </Title>
          <Text c="dimmed" size="sm">
            {communityId ? "The community's how-tos, playbooks, best practices and FAQs." : 'How-tos, playbooks, best practices and FAQs from the Center of Excellence.'}
          </Text>
        </Stack>
        {data?.canManageKnowledge && (
          <Button component={Link} to={newArticlePath({ communityId })} size="sm">
            New article
          </Button>
        )}
      </Group>
      <form role="search" onSubmit={search}>
        <Group gap="xs" align="flex-end">
          <TextInput label="Search articles" placeholder="What do you want to know?" value={query} maxLength={200} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit" variant="default" disabled={!query.trim()}>
            Search
          </Button>
        </Group>
      </form>
      <MyWork />
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Collections
          </Title>
          {collections.length === 0 ? <Text size="sm" c="dimmed">No collections yet.</Text> : <CollectionList collections={collections} label="Collections" />}
          {data?.canManageKnowledge && <NewCollectionForm communityId={communityId} parentId={null} onCreated={() => refetch()} />}
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Recently updated
          </Title>
          {articles.length === 0 ? <Text size="sm" c="dimmed">No published articles yet.</Text> : <ArticleList articles={articles} label="Recently updated articles" />}
          <LoadMoreButton
            pageInfo={data?.knowledgeArticles.pageInfo}
            fetchMore={(after) =>
              fetchMore({
                query: KnowledgeArticlesDocument,
                variables: { after, filter: { communityId, platformOnly: communityId ? null : true } },
                // The list has no cache merge policy: pages are joined here.
                updateQuery: (previous, { fetchMoreResult }) => ({
                  ...previous,
                  knowledgeArticles: { ...fetchMoreResult.knowledgeArticles, edges: [...previous.knowledgeArticles.edges, ...fetchMoreResult.knowledgeArticles.edges] },
                }),
              })
            }
          />
        </Stack>
      </QueryState>
    </Stack>
  );
}
