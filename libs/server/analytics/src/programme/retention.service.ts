import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type Viewer } from '@commons/server-core';
import { MetricDimension } from '../metrics/metric-definition';
import { checkRange, MetricsService } from '../metrics/metrics.service';
import { RollupService } from '../rollups/rollup.service';
import type { RetentionCohortsType, RetentionCohortType } from './dto/retention.types';

interface CellRow {
  month: string;
  week: number;
  people: number;
  reached: number;
  active: number;
}

/**
 * Retention of join-month cohorts: of the people who joined in a month, the share active in each
 * week after joining (week N = days 7N to 7N+6 from the join day, in the organisation's time
 * zone). For a community, joining is becoming a member (people who have left since are no longer
 * counted) and active means activity in the community; for the organisation, joining is the
 * account's creation and active means activity anywhere. A week's share counts only the people
 * who have reached it. Cohorts, and weeks reached by fewer people than the minimum group size, are
 * suppressed.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly rollups: RollupService,
  ) {}

  async cohorts(viewer: Viewer, input: { communityId?: string | null; from: string; to: string; weeks: number }): Promise<RetentionCohortsType> {
    const range = checkRange(input.from, input.to);
    // The community's managers and the steering committee; the organisation: the steering committee.
    const slice = await this.metrics.sliceFor(viewer, input.communityId ? MetricDimension.Community : MetricDimension.Organisation, input.communityId ?? null);
    const community = slice.id;
    const joined = community
      ? `SELECT account_id, (joined_at AT TIME ZONE $4)::date AS joined FROM community_memberships WHERE community_id = $6::uuid`
      : `SELECT id AS account_id, (created_at AT TIME ZONE $4)::date AS joined FROM accounts`;
    const rows: CellRow[] = await this.dataSource.query(
      `WITH people AS (SELECT * FROM (${joined}) j WHERE j.joined BETWEEN $1::date AND $2::date),
            weeks AS (SELECT generate_series(0, $3::int) AS week),
            active AS (
              SELECT DISTINCT p.account_id, (a.day - p.joined) / 7 AS week
                FROM people p
                JOIN activity_days a ON a.account_id = p.account_id AND a.day >= p.joined AND a.day < p.joined + 7 * ($3::int + 1)
                     ${community ? 'AND a.community_id = $6::uuid' : ''})
       SELECT to_char(p.joined, 'YYYY-MM') AS month, w.week,
              count(*)::int AS people,
              count(*) FILTER (WHERE p.joined + 7 * w.week <= $5::date)::int AS reached,
              count(x.account_id) FILTER (WHERE p.joined + 7 * w.week <= $5::date)::int AS active
         FROM people p CROSS JOIN weeks w
         LEFT JOIN active x ON x.account_id = p.account_id AND x.week = w.week
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to, input.weeks, this.config.timeZone, this.rollups.today(), ...(community ? [community] : [])],
    );
    const min = this.config.analytics.minGroupSize;
    const byMonth = new Map<string, CellRow[]>();
    for (const row of rows) byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row]);
    const cohorts = [...byMonth].map(([month, cells]): RetentionCohortType => {
      const people = cells[0].people;
      const suppressed = people < min;
      return {
        month,
        people: suppressed ? null : people,
        suppressed,
        weeks: cells.map((c) => ({ week: c.week, share: suppressed || c.reached < min ? null : Math.round((c.active / c.reached) * 1e6) / 1e6 })),
      };
    });
    return {
      label: slice.label,
      definition: community
        ? 'People who became members in the month (and still are); active: any activity in the community that week.'
        : 'People whose account was created in the month; active: any activity on the platform that week.',
      ...range,
      cohorts,
    };
  }
}
