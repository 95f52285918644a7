/**
 * The expected answers of the community rules, kept as data beside them (community-access.ts)
 * and checked by the isolation matrix test, rule by rule and through the GraphQL API.
 *
 * Each actor lists the communities where an action is allowed, as patterns
 * `visibility/audience/lifecycle`: `*` matches anything, `a|b` either value. Everything not
 * listed must be refused. The matrix communities serve either employees only or customers only.
 */
export const MATRIX_ACTORS = [
  'anonymous',
  'outsider', // an employee who is not a member
  'member',
  'moderator',
  'manager',
  'banned', // an employee banned from every community
  'cohort', // an employee in the pilot cohort attached to every community, not a member
  'customer', // a customer who is not a member
  'customerMember', // a customer who is a member everywhere, even (wrongly) of employee-only communities
  'partner',
  'steering',
  'admin',
] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

export const MATRIX_VISIBILITIES = ['open', 'private', 'secret'] as const;
export const MATRIX_AUDIENCES = ['employee', 'customer'] as const;
export const MATRIX_LIFECYCLES = ['draft', 'pilot', 'active', 'archived'] as const;

type Patterns = Partial<Record<MatrixActor, string[]>>;

const ALL = ['*/*/*'];
const LISTED = ['open|private/*/pilot|active|archived'];
const OPEN_LISTED = ['open/*/pilot|active|archived'];

export const EXPECTED_ACCESS: Record<string, Patterns> = {
  'community:view': {
    outsider: LISTED,
    member: ALL,
    moderator: ALL,
    manager: ALL,
    banned: LISTED,
    cohort: [...LISTED, 'secret/*/pilot'],
    customer: ['open|private/customer/pilot|active|archived'],
    customerMember: ['*/customer/*'],
    steering: LISTED,
    admin: ALL,
  },
  'community:read-content': {
    outsider: OPEN_LISTED,
    member: ALL,
    moderator: ALL,
    manager: ALL,
    cohort: OPEN_LISTED,
    customer: ['open/customer/pilot|active|archived'],
    customerMember: ['*/customer/*'],
    steering: OPEN_LISTED,
    admin: ALL,
  },
  'community:join': {
    outsider: ['open/*/active'],
    cohort: ['open/*/active', '*/*/pilot'],
    customer: ['open/customer/active'],
    steering: ['open/*/active'],
    admin: ALL,
  },
  'community:request-to-join': {
    outsider: ['private/*/active'],
    cohort: ['private/*/active'],
    customer: ['private/customer/active'],
    steering: ['private/*/active'],
    admin: ALL,
  },
  'community:leave': {
    member: ALL,
    moderator: ALL,
    manager: ALL,
    customerMember: ['*/customer/*'],
    admin: ALL,
  },
  'community:participate': {
    member: ['*/*/active'],
    moderator: ['*/*/active|pilot'],
    manager: ['*/*/active|pilot|draft'],
    customerMember: ['*/customer/active'],
    admin: ALL,
  },
  'community:moderate': {
    moderator: ALL,
    manager: ALL,
    admin: ALL,
  },
  'community:manage': {
    manager: ALL,
    admin: ALL,
  },
};

/** Whether the expected table allows `actor` the action on the community `visibility/audience/lifecycle`. */
export function expectedAllowed(action: string, actor: MatrixActor, community: string): boolean {
  const patterns = EXPECTED_ACCESS[action]?.[actor] ?? [];
  const parts = community.split('/');
  return patterns.some((pattern) =>
    pattern.split('/').every((alternatives, i) => alternatives === '*' || alternatives.split('|').includes(parts[i])),
  );
}
