import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationError, type Viewer } from '@commons/server-core';
import type { ObjectiveType } from '@commons/server-communities';
import { isDay } from '../metrics/days';
import { MetricsService } from '../metrics/metrics.service';
import { RollupService } from '../rollups/rollup.service';
import { OBJECTIVE_STATUSES } from './objective-projection';
import { ObjectiveStatusService, type ObjectiveStatusResult } from './objective-status.service';


/** An objective as the communities domain shows it, with its community's name and lifecycle. */
export interface OverviewObjective {
  objective: ObjectiveType;
  communityName: string;
  communitySlug: string;
  lifecycle: string;
}

export interface ObjectivesOverview {
  asOf: string;
  rows: Array<OverviewObjective & { status: ObjectiveStatusResult }>;
}

type ObjectiveRow = {
  id: string;
  community_id: string;
  owner_id: string;
  metric_key: ObjectiveType['metricKey'];
  title: string;
  baseline: number;
  target: number;
  direction: ObjectiveType['direction'];
  due_date: string;
  created_at: Date;
  updated_at: Date;
  community_name: string;
  community_slug: string;
  lifecycle: string;
};

/** Lifecycles in the order the steering committee reads them: what is being tried, what runs, then the rest. */
const LIFECYCLE_ORDER = ['PILOT', 'ACTIVE', 'DRAFT', 'ARCHIVED'];

/**
 * Every community's objectives with their status, for the steering committee (read from
 * community_objectives, which analytics only reads).
 */
@Injectable()
export class ObjectivesOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statuses: ObjectiveStatusService,
    private readonly metrics: MetricsService,
    private readonly rollups: RollupService,
  ) {}

  /** Objectives due between `from` and `to` (both optional), with statuses as of `asOf` (today by default). */
  async overview(viewer: Viewer, filter: { from?: string | null; to?: string | null }, asOf: string = this.rollups.today()): Promise<ObjectivesOverview> {
    this.metrics.assertOrganisation(viewer);
    for (const field of ['from', 'to'] as const) {
      const day = filter[field];
      if (day && !isDay(day)) throw ValidationError.field(field, 'Enter a date as YYYY-MM-DD.');
    }
    if (filter.from && filter.to && filter.from > filter.to) throw ValidationError.field('from', 'The range starts after it ends.');
    const rows: ObjectiveRow[] = await this.dataSource.query(
      `SELECT o.id, o.community_id, o.owner_id, o.metric_key, o.title, o.baseline, o.target, o.direction,
              to_char(o.due_date, 'YYYY-MM-DD') AS due_date, o.created_at, o.updated_at,
              c.name AS community_name, c.slug AS community_slug, c.lifecycle::text AS lifecycle
         FROM community_objectives o JOIN communities c ON c.id = o.community_id
        WHERE ($1::date IS NULL OR o.due_date >= $1::date) AND ($2::date IS NULL OR o.due_date <= $2::date)
        ORDER BY array_position($3::text[], c.lifecycle::text), c.sort_name, c.id, o.due_date, o.id`,
      [filter.from ?? null, filter.to ?? null, LIFECYCLE_ORDER],
    );
    // Communities the viewer may not see (secret or draft ones they are not in) stay out.
    const hidden = await this.metrics.hiddenCommunities(viewer, [...new Set(rows.map((r) => r.community_id))]);
    const objectives = rows.filter((r) => !hidden.has(r.community_id)).map(
      (r): OverviewObjective => ({
        objective: {
          id: r.id,
          communityId: r.community_id,
          ownerId: r.owner_id,
          metricKey: r.metric_key,
          title: r.title,
          baseline: Number(r.baseline),
          target: Number(r.target),
          direction: r.direction,
          dueDate: r.due_date,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        },
        communityName: r.community_name,
        communitySlug: r.community_slug,
        lifecycle: r.lifecycle,
      }),
    );
    const statuses = await this.statuses.statuses(
      objectives.map((o) => o.objective),
      asOf,
    );
    return { asOf, rows: objectives.map((o, i) => ({ ...o, status: statuses[i] })) };
  }

  /** How many objectives have each status (every status, zeros included). */
  static counts(rows: ObjectivesOverview['rows']): Array<{ status: (typeof OBJECTIVE_STATUSES)[number]; count: number }> {
    return OBJECTIVE_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status.status === status).length }));
  }
}
