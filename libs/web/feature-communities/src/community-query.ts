import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { useLocation, useNavigate } from 'react-router';
import { CommunityViewerDocument, type Audience } from '@commons/web-data-access';

/** The viewer's id and audience: employees start communities; customers and partners join them. */
export function useCommunityViewer(): { id: string | null; audience: Audience | null } {
  const { data } = useQuery(CommunityViewerDocument);
  return { id: data?.viewer?.id ?? null, audience: data?.viewer?.audience ?? null };
}

/**
 * A lookup by a former slug answers with the community's current one: show the current
 * address (replacing the old one in the history, so Back does not bounce).
 */
export function useCurrentSlug(requested: string, current: string | undefined, suffix = ''): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (current && current !== requested) void navigate(`/communities/${current}${suffix}`, { replace: true });
  }, [requested, current, suffix, navigate]);
}

/**
 * Scrolls to the section a link's #hash names (`…/settings#objectives`) once the page shows
 * it: the browser cannot, as the section renders after the data arrives.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash.length > 1) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}
