import type { AccountScope } from '@commons/server-identity';

/**
 * Customers and partners see the people of communities whose members they may read:
 * those they belong to, and open communities that serve their audience. The people of
 * employee-only communities stay invisible to them.
 */
export const externalAccountScope: AccountScope = (viewer, alias) => ({
  sql: `EXISTS (
    SELECT 1 FROM community_memberships sm JOIN communities sc ON sc.id = sm.community_id
     WHERE sm.account_id = ${alias}.id
       AND CAST(:scopeAudience AS audience) = ANY(sc.audiences)
       AND (
         EXISTS (SELECT 1 FROM community_memberships vm WHERE vm.community_id = sc.id AND vm.account_id = :scopeViewerId)
         OR (sc.visibility = 'OPEN' AND sc.lifecycle <> 'DRAFT'
             AND NOT EXISTS (SELECT 1 FROM community_bans vb WHERE vb.community_id = sc.id AND vb.account_id = :scopeViewerId
                              AND vb.lifted_at IS NULL AND (vb.ends_at IS NULL OR vb.ends_at > now())))
       )
  )`,
  params: { scopeAudience: viewer.audience, scopeViewerId: viewer.accountId },
});
