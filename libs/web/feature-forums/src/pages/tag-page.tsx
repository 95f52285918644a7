import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import { normalizeTag } from '@commons/shared-contracts';
import { FollowedTagsDocument, FollowTagDocument, useAction } from '@commons/web-data-access';
import { ErrorAlert, FollowToggle, NotFound } from '@commons/web-ui';
import { forumPath, ForumCommunityGate, tagPath, type ForumCommunity } from '../forum-community';
import type { ForumFilters } from '../forum-model';
import { ThreadList } from './thread-list';

function TagFollow({ community, tag }: { community: ForumCommunity; tag: string }) {
  const followed = useQuery(FollowedTagsDocument, { variables: { communityId: community.id } });
  const [follow] = useMutation(FollowTagDocument);
  const action = useAction();
  const following = followed.data?.followedTags.includes(tag) ?? false;
  return (
    <Stack gap={4} align="flex-end">
      <FollowToggle
        label={`Follow #${tag}`}
        following={following}
        busy={action.busy}
        disabled={!followed.data}
        onToggle={(on) =>
          void action.run(() =>
            follow({
              variables: { communityId: community.id, tag, follow: on },
              update: (cache, { data }) => {
                if (!data) return;
                cache.updateQuery({ query: FollowedTagsDocument, variables: { communityId: community.id } }, (current) =>
                  current ? { followedTags: data.followTag ? [...new Set([...current.followedTags, tag])] : current.followedTags.filter((t) => t !== tag) } : current,
                );
              },
            }),
          )
        }
      />
      {action.error && <ErrorAlert error={action.error} />}
    </Stack>
  );
}

function Tag({ community, tag }: { community: ForumCommunity; tag: string }) {
  const filters: ForumFilters = { category: null, questions: false, unanswered: false, unresolved: false, tag };
  const search = new URLSearchParams({ tag, community: community.id });
  return (
    <Stack gap="lg" maw={880}>
      <Stack gap="xs">
        <Anchor component={Link} to={forumPath(community.slug)} size="sm" underline="always" w="fit-content">
          Back to the forum of {community.name}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2}>#{tag}</Title>
            <Text c="dimmed">Threads tagged #{tag} in {community.name}, latest activity first.</Text>
          </Stack>
          <TagFollow community={community} tag={tag} />
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={`/search?${search.toString()}`} underline="always">
            Search replies and blog posts tagged #{tag} too
          </Anchor>
        </Text>
      </Stack>
      <ThreadList community={community} filters={filters} />
    </Stack>
  );
}

/** A tag's page at /communities/:slug/forum/tags/:tag: its threads, and following it. */
export function TagPage() {
  const { slug = '', tag: raw = '' } = useParams();
  const tag = normalizeTag(raw);
  // "#Data Quality" and "data-quality" are one tag: its page has one address.
  if (tag && tag !== raw) return <Navigate to={tagPath(slug, tag)} replace />;
  return (
    <ForumCommunityGate slug={slug} suffix={`/forum/tags/${encodeURIComponent(tag)}`}>
      {(community) =>
        tag ? <Tag community={community} tag={tag} /> : <NotFound what="Tag" back={{ to: forumPath(community.slug), label: 'Back to the forum' }} />
      }
    </ForumCommunityGate>
  );
}

