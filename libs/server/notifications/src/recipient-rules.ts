import { NotificationKind, PREFERENCE_GROUPS, type PreferenceGroup } from './notification-kinds';

/**
 * The communities' ReadContent rule (see communityRules, and readableCommunityIdsSql for one
 * viewer) written for many people at once, so that choosing the recipients of an event is one
 * statement: `a` is the recipient's accounts row, `c` the community's row. Platform admins read
 * everything, as AuthorizationService lets them; suspended accounts get nothing.
 */
export const READS_COMMUNITY_SQL = `(
  a.suspended_at IS NULL AND (a.suspended_until IS NULL OR a.suspended_until <= now())
  AND (
    a.role = 'ADMIN'
    OR (
      (a.audience = 'EMPLOYEE' OR a.audience = ANY(c.audiences))
      AND NOT EXISTS (SELECT 1 FROM community_bans b
                       WHERE b.community_id = c.id AND b.account_id = a.id AND b.lifted_at IS NULL
                         AND (b.ends_at IS NULL OR b.ends_at > now()))
      AND (EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = c.id AND m.account_id = a.id)
           OR (c.lifecycle <> 'DRAFT' AND c.visibility = 'OPEN'))
    )
  )
)`;

/** Whether the recipient's preferences (`p`, LEFT JOINed: no row means everything on) let a notification of kind `kind` through. */
export function wantsSql(kind: string): string {
  const byGroup = new Map<PreferenceGroup, NotificationKind[]>();
  for (const [k, group] of Object.entries(PREFERENCE_GROUPS) as Array<[NotificationKind, PreferenceGroup | null]>) {
    if (group) byGroup.set(group, [...(byGroup.get(group) ?? []), k]);
  }
  const cases = [...byGroup].map(([group, kinds]) => `WHEN ${kind} IN (${kinds.map((k) => `'${k}'`).join(', ')}) THEN coalesce(p.${group}, true)`);
  return `(CASE ${cases.join(' ')} ELSE true END)`;
}
