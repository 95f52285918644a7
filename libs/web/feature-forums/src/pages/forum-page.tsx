import { useState } from 'react';
import { Anchor, Button, CloseButton, Grid, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { communityModerationPath } from '@commons/web-feature-moderation';
import { forumPath, ForumCommunityGate, tagPath, type ForumCommunity } from '../forum-community';
import { filtersFromSearch, normaliseTags, searchFromFilters, type ForumFilters } from '../forum-model';
import { CategoryList } from './category-list';
import { ThreadList } from './thread-list';

function TagFilter({ tag, onChange }: { tag: string | null; onChange: (tag: string | null) => void }) {
  const [text, setText] = useState(tag ?? '');
  // Follow the address when a tag link changes it.
  const [shown, setShown] = useState(tag);
  if (shown !== tag) {
    setShown(tag);
    setText(tag ?? '');
  }
  const apply = () => {
    const next = normaliseTags([text])[0] ?? null;
    setText(next ?? '');
    if (next !== tag) onChange(next);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <TextInput
        label="Tag"
        placeholder="e.g. onboarding"
        description="Press Enter to filter."
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={apply}
        rightSection={tag ? <CloseButton aria-label="Clear the tag filter" onClick={() => onChange(null)} /> : null}
      />
    </form>
  );
}

function Forum({ community }: { community: ForumCommunity }) {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const change = (changes: Partial<ForumFilters>) => setParams(searchFromFilters({ ...filters, ...changes }));
  const hrefFor = (category: string | null) => {
    const search = searchFromFilters({ ...filters, category }).toString();
    return `${forumPath(community.slug)}${search ? `?${search}` : ''}`;
  };
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/communities/${community.slug}`} size="sm" underline="always" w="fit-content">
          Back to {community.name}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2}>Forum</Title>
            <Text c="dimmed">{community.name}</Text>
          </Stack>
          {community.viewerCan.participate ? (
            <Group gap="xs">
              {(community.viewerCan.moderate || community.viewerCan.manage) && (
                <Button component={Link} to={communityModerationPath(community.slug)} variant="default">
                  Moderation
                </Button>
              )}
              <Button component={Link} to={forumPath(community.slug, '/new')}>
                New thread
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed" maw={320}>
              {community.viewerCan.join ? (
                <>
                  <Anchor component={Link} to={`/communities/${community.slug}`} underline="always">
                    Join the community
                  </Anchor>{' '}
                  to start threads and reply.
                </>
              ) : (
                'You can read this forum; only members can post.'
              )}
            </Text>
          )}
        </Group>
      </Stack>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <CategoryList community={community} selected={filters.category} hrefFor={hrefFor} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Stack gap="sm" component="section" aria-label="Filters">
              <Group gap="lg" align="flex-end">
                <Switch label="Questions only" checked={filters.questions} onChange={(e) => change({ questions: e.currentTarget.checked })} />
                <Switch label="Unanswered" checked={filters.unanswered} onChange={(e) => change({ unanswered: e.currentTarget.checked })} />
                <Switch label="Unresolved questions" checked={filters.unresolved} onChange={(e) => change({ unresolved: e.currentTarget.checked })} />
              </Group>
              <Group align="flex-end">
                <TagFilter tag={filters.tag} onChange={(tag) => change({ tag })} />
              </Group>
              {filters.tag && (
                <Text size="sm" role="status">
                  Showing threads tagged #{filters.tag}.{' '}
                  <Anchor component={Link} to={tagPath(community.slug, filters.tag)} underline="always" inherit>
                    Open the #{filters.tag} page
                  </Anchor>{' '}
                  to follow it.
                </Text>
              )}
            </Stack>
            <ThreadList community={community} filters={filters} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A community's forum at /communities/:slug/forum: categories, filters and threads. */
export function ForumPage() {
  const { slug = '' } = useParams();
  return (
    <ForumCommunityGate slug={slug} suffix="/forum">
      {(community) => <Forum community={community} />}
    </ForumCommunityGate>
  );
}
