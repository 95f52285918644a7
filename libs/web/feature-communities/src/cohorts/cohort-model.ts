import type { Checks, CommunityLifecycle, NewCohortInput } from '@commons/web-data-access';
import { count } from '@commons/web-ui';
import type { Person } from '../components/person-picker';
import { rules } from '../validation';

/** The new-cohort form; field names are the server's (createCohort), so its field errors land next to them. */
export type NewCohortValues = { name: string; description: string; memberIds: Person[] };

export const EMPTY_COHORT: NewCohortValues = { name: '', description: '', memberIds: [] };

export const newCohortChecks: Checks<NewCohortValues> = {
  name: rules.cohortName,
  description: rules.description,
};

export function toNewCohortInput(v: NewCohortValues): NewCohortInput {
  return { name: v.name.trim(), description: v.description.trim() || null, memberIds: v.memberIds.map((p) => p.id) };
}

/** Cohorts found that are not attached yet: the ones worth offering. */
export function attachableCohorts<T extends { id: string }>(found: readonly T[], attached: ReadonlySet<string>): T[] {
  return found.filter((c) => !attached.has(c.id));
}

/** "Wave 1 early adopters (31 people)". */
export const cohortLabel = (c: { name: string; membersCount: number }) => `${c.name} (${count(c.membersCount, 'person', 'people')})`;

/** "Alan Ritchie", "Alan Ritchie and Grace Hopper", "Alan Ritchie and 2 others". */
export function peopleNames(people: readonly { displayName: string }[]): string {
  if (people.length <= 2) return people.map((p) => p.displayName).join(' and ');
  return `${people[0].displayName} and ${count(people.length - 1, 'other')}`;
}

/** What the cohorts mean for the community now, by its lifecycle. */
export function pilotNote(lifecycle: CommunityLifecycle, attached: number): string {
  switch (lifecycle) {
    case 'DRAFT':
      return attached === 0
        ? 'The community is a draft: attach a cohort, then start the pilot.'
        : 'The community is a draft: start the pilot when its cohort is ready.';
    case 'PILOT':
      return 'The community is in pilot: these cohorts decide who may join.';
    case 'ACTIVE':
      return 'The community is active: it is open to its audience, and cohorts no longer limit who joins.';
    case 'ARCHIVED':
      return 'The community is archived and read-only: its cohorts are shown as they are.';
  }
}
