import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { BlogCommunityDocument, toApiError, ViewerDocument } from '@commons/web-data-access';

export const blogPath = (communitySlug: string) => `/communities/${communitySlug}/blog`;
export const postPath = (communitySlug: string, postSlug: string) => `${blogPath(communitySlug)}/${postSlug}`;
export const editPath = (communitySlug: string, postSlug: string) => `${postPath(communitySlug, postSlug)}/edit`;
/** A blog's posts with a tag (the same address the server links inline #tags to). */
export const blogTagPath = (communitySlug: string, tag: string) => `${blogPath(communitySlug)}?tag=${encodeURIComponent(tag)}`;

/**
 * The community of a blog screen, by the address's slug. A former slug answers with the
 * community's current one: show the current address (replacing the old one in the history).
 */
export function useBlogCommunity(slug: string, suffix = '') {
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(BlogCommunityDocument, { variables: { slug } });
  const current = data?.community.slug;
  useEffect(() => {
    if (current && current !== slug) void navigate(`${blogPath(current)}${suffix}`, { replace: true });
  }, [slug, current, suffix, navigate]);
  return { community: data?.community, loading: loading && !data, error: toApiError(error), refetch };
}

/** The signed-in person's id (their own comments can be deleted). */
export function useViewerId(): string | null {
  const { data } = useQuery(ViewerDocument);
  return data?.viewer?.id ?? null;
}

/** A community that does not use a blog says so (and tells its managers where to turn it on). */
export function NoBlog({ community }: { community: { slug: string; name: string; viewerCan: { manage: boolean } } }) {
  return (
    <Stack>
      <Title order={2}>{community.name} has no blog</Title>
      <Text c="dimmed">This community does not use blogs.</Text>
      {community.viewerCan.manage && (
        <Anchor component={Link} to={`/communities/${community.slug}/settings`} underline="always" w="fit-content">
          Turn on blogs in the community’s settings
        </Anchor>
      )}
      <Anchor component={Link} to={`/communities/${community.slug}`} underline="always" w="fit-content">
        Back to {community.name}
      </Anchor>
    </Stack>
  );
}
