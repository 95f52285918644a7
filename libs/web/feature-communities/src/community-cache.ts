import type { ApolloCache, Reference } from '@apollo/client';
import { compareObjectives } from './objectives/objective-model';

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

/** The cohorts the viewer runs (to attach one): a cohort was created, or detached and perhaps no longer theirs. */
export function forgetCohortsToAttach(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'cohorts' });
  cache.gc();
}

/**
 * Puts a created or changed objective (already in the cache from the mutation's answer) into
 * its community's list, in the server's order: by due date, then id. Every screen showing the
 * community's objectives (its home, its settings) shows the change at once.
 */
export function placeObjective(cache: ApolloCache, communityId: string, objectiveId: string): void {
  cache.modify({
    id: cache.identify({ __typename: 'Community', id: communityId }),
    fields: {
      objectives: (existing: readonly Reference[] | null, { readField, toReference }) => {
        // Not in the cache, or not readable by the viewer: nothing to place it in.
        if (!existing) return existing;
        const placed = toReference({ __typename: 'Objective', id: objectiveId });
        if (!placed) return existing;
        const key = (ref: Reference) => ({ id: readField<string>('id', ref) ?? '', dueDate: readField<string>('dueDate', ref) ?? '' });
        return [...existing.filter((ref) => readField('id', ref) !== objectiveId), placed].sort((a, b) => compareObjectives(key(a), key(b)));
      },
    },
  });
}
