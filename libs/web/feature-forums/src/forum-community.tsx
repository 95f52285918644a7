import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { ForumCommunityDocument, isNotFound, toApiError, type ForumCommunityQuery } from '@commons/web-data-access';
import { CommunityNotFound, QueryState } from '@commons/web-ui';

export type ForumCommunity = ForumCommunityQuery['community'];

/** Where a community's forum lives. */
export const forumPath = (slug: string, rest = ''): string => `/communities/${slug}/forum${rest}`;
export const threadPath = (slug: string, threadId: string): string => forumPath(slug, `/threads/${threadId}`);
export const tagPath = (slug: string, tag: string): string => forumPath(slug, `/tags/${encodeURIComponent(tag)}`);

/**
 * The community of a forum screen, looked up by its address: loading, failure and "not found"
 * handled here, a former address replaced by the current one, and a community that does not
 * use forums (or whose content the viewer may not read) explained. `suffix` is the rest of the
 * address after /communities/:slug.
 */
export function ForumCommunityGate({ slug, suffix, children }: { slug: string; suffix: string; children: (community: ForumCommunity) => ReactNode }) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const { data, loading, error, refetch } = useQuery(ForumCommunityDocument, { variables: { slug } });
  const apiError = toApiError(error);
  const current = data?.community.slug;
  useEffect(() => {
    if (current && current !== slug) void navigate(`/communities/${current}${suffix}${search}`, { replace: true });
  }, [current, slug, suffix, search, navigate]);
  if (isNotFound(apiError)) return <CommunityNotFound />;
  const community = data?.community;
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {community &&
        (!community.useCases.includes('FORUMS') || !community.viewerCan.readContent ? (
          <Stack>
            <Anchor component={Link} to={`/communities/${community.slug}`} size="sm" underline="always" w="fit-content">
              Back to {community.name}
            </Anchor>
            <Title order={2}>Forum</Title>
            <Text c="dimmed">
              {community.useCases.includes('FORUMS') ? 'Only members of this community can read its forum.' : `${community.name} does not use forums.`}
            </Text>
          </Stack>
        ) : (
          children(community)
        ))}
    </QueryState>
  );
}
