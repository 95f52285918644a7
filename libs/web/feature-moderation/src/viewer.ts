import { useQuery } from '@apollo/client/react';
import { MyModeratedCommunitiesDocument, ViewerDocument } from '@commons/web-data-access';

/** The signed-in person's id and platform role, from the cache the shell filled. */
export function useViewerId(): string | null {
  const { data } = useQuery(ViewerDocument);
  return data?.viewer?.id ?? null;
}

/**
 * Whether the viewer has a moderation area: platform admins always, others when they moderate
 * or manage one of their communities.
 */
export function useModerationAccess(): { admin: boolean; moderates: boolean; loading: boolean } {
  const viewer = useQuery(ViewerDocument);
  const admin = viewer.data?.viewer?.role === 'ADMIN';
  const { data, loading } = useQuery(MyModeratedCommunitiesDocument, { skip: !viewer.data?.viewer });
  const moderates = (data?.myCommunities.edges ?? []).some(({ node }) => node.viewerCan.moderate || node.viewerCan.manage);
  return { admin, moderates: admin || moderates, loading: loading && !data };
}
