import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { MetricDimension } from '../metrics/metric-definition';
import { checkRange, MetricsService } from '../metrics/metrics.service';

export interface ModerationRuleCount {
  ruleId: string | null;
  /** The rule's reason as its policy states it now (what authors are told); null when no policy names it any more. */
  label: string | null;
  action: string;
  count: number;
}

/**
 * Moderation volume by rule and decision over a range of days, from the governance rollup's
 * moderation_rule_days (never the raw log). Organisation-wide for the steering committee; one
 * community for its managers too. A rule is labelled from the policies that name it: the
 * community's own first, then the platform's, then the audience defaults (rule ids are only
 * unique within a policy, so organisation-wide a label is the likeliest one).
 */
@Injectable()
export class ModerationByRuleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  async byRule(viewer: Viewer, input: { communityId?: string | null; from: string; to: string }): Promise<ModerationRuleCount[]> {
    const range = checkRange(input.from, input.to);
    const communityId = input.communityId ?? null;
    // The same rule as every metric: the organisation for steering; a community for its managers too.
    if (communityId) await this.metrics.sliceFor(viewer, MetricDimension.Community, communityId);
    else this.metrics.assertOrganisation(viewer);
    const rows: Array<{ rule_id: string; label: string | null; action: string; count: number }> = await this.dataSource.query(
      `WITH counts AS (
         SELECT rule_id, action, sum(count)::int AS count FROM moderation_rule_days
          WHERE day BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR community_id = $3::uuid)
          GROUP BY rule_id, action),
       labels AS (
         SELECT DISTINCT ON (r->>'id') r->>'id' AS rule_id, r->>'reason' AS label
           FROM moderation_policies p
           JOIN moderation_policy_versions v ON v.policy_id = p.id AND v.version = coalesce(p.active_version, p.latest_version)
          CROSS JOIN jsonb_array_elements(v.rules) r
          WHERE r->>'id' IN (SELECT rule_id FROM counts)
            -- A community's managers read its own rules and the platform's, never another community's.
            AND ($3::uuid IS NULL OR p.community_id = $3::uuid OR p.community_id IS NULL)
          ORDER BY r->>'id', CASE WHEN p.community_id = $3::uuid THEN 0 WHEN p.scope = 'PLATFORM' THEN 1 WHEN p.scope = 'AUDIENCE_DEFAULT' THEN 2 ELSE 3 END, p.id)
       SELECT c.rule_id, l.label, c.action, c.count FROM counts c LEFT JOIN labels l ON l.rule_id = c.rule_id
        ORDER BY c.count DESC, c.rule_id, c.action`,
      [range.from, range.to, communityId],
    );
    return rows.map((r) => ({ ruleId: r.rule_id === '' ? null : r.rule_id, label: r.label, action: r.action, count: r.count }));
  }
}
