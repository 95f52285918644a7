import { METRIC_DIMENSIONS, type MetricDimension } from '../metrics/metric-definition';

/**
 * Who is in each slice and since when, as the core's rollups count a slice's population (its
 * `people`, which decides suppression): every account for the organisation, accounts by
 * department and audience, cohort members, and a community's members. Columns: account_id,
 * since, slice_id. Slices are as they are today: someone who moved department counts in the new one.
 */
export const SLICE_MEMBERS: Record<MetricDimension, string> = {
  ORGANISATION: `SELECT id AS account_id, created_at AS since, '' AS slice_id FROM accounts`,
  COMMUNITY: `SELECT account_id, joined_at AS since, community_id::text AS slice_id FROM community_memberships`,
  DEPARTMENT: `SELECT id AS account_id, created_at AS since, department AS slice_id FROM accounts WHERE department IS NOT NULL AND department <> ''`,
  AUDIENCE: `SELECT id AS account_id, created_at AS since, audience::text AS slice_id FROM accounts`,
  COHORT: `SELECT account_id, added_at AS since, cohort_id::text AS slice_id FROM cohort_members`,
};

/** Every (account, dim, slice_id) on the day that ends at `end` (an SQL expression): rollups join their per-person facts to it. */
export function slicePeopleAt(end: string, dimensions: readonly MetricDimension[] = METRIC_DIMENSIONS): string {
  return dimensions.map((d) => `SELECT m.account_id, '${d}' AS dim, m.slice_id FROM (${SLICE_MEMBERS[d]}) m WHERE m.since < ${end}`).join(' UNION ALL ');
}

/** Each slice's population (dim, slice_id, people) on the day that ends at `end`: the `people` of its metric rows. */
export function slicePopulationAt(end: string, dimensions: readonly MetricDimension[] = METRIC_DIMENSIONS): string {
  return `SELECT dim, slice_id, count(*)::int AS people FROM (${slicePeopleAt(end, dimensions)}) p GROUP BY dim, slice_id`;
}
