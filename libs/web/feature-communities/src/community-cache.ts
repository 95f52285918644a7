import type { ApolloCache } from '@apollo/client';

/**
 * Forgets lists a change made stale, so the screens showing them fetch them again. Used
 * where the mutation's answer cannot say what the list looks like now (a member added or
 * removed, a request decided); single objects update from the answer itself.
 */
export function forgetCommunityFields(cache: ApolloCache, communityId: string, ...fieldNames: string[]): void {
  const id = cache.identify({ __typename: 'Community', id: communityId });
  for (const fieldName of fieldNames) cache.evict({ id, fieldName });
  cache.gc();
}

/** The directory's pages (every filter): a community was created, joined or left. */
export function forgetDirectory(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'communities' });
  cache.gc();
}
