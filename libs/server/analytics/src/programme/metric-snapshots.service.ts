import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { decodeTimeCursor, toConnection } from '@commons/server-graphql';
import { MetricBucket, MetricDimension } from '../metrics/metric-definition';
import { MetricRegistry } from '../metrics/metric-registry';
import { MetricsService } from '../metrics/metrics.service';
import { RollupService } from '../rollups/rollup.service';
import type { MetricSnapshotType, SnapshotCommunityType, SnapshotMetricType, SnapshotObjectiveType } from './dto/snapshot.types';
import { ObjectivesOverviewService } from './objectives-overview.service';
import { monthRange } from '../metrics/days';

/**
 * The headline metrics of a snapshot, in this order; those not computed (yet) on the day it is
 * saved are left out. Support, listening and governance keys come from their parts of analytics.
 */
export const HEADLINE_METRICS: readonly string[] = [
  'MONTHLY_ACTIVE_USERS',
  'DAILY_ACTIVE_USERS',
  'STICKINESS',
  'MONTHLY_ACTIVE_MEMBERS_RATIO',
  'NEW_MEMBERS',
  'CONTRIBUTOR_RATIO',
  'POSTS_PER_ACTIVE_MEMBER',
  'POSTS',
  'REPLIES_PER_THREAD',
  'DEPARTMENTS_COVERED',
  'MEDIAN_CONVERSATION_HOURS',
  'PARTICIPANTS_PER_THREAD',
  'MEDIAN_FIRST_RESPONSE_MINUTES',
  'RESOLUTION_RATE',
  'SHARE_OF_VOICE',
  'AVERAGE_SENTIMENT',
  'TRAINING_COMPLETION_RATIO',
];

/** Communities are ranked on this metric over the month. */
const RANKING_METRIC = 'MONTHLY_ACTIVE_MEMBERS_RATIO';
const RANKED = 5;

/** What a snapshot stores (jsonb): everything it shows, as it was when saved. */
interface SnapshotContent {
  from: string;
  to: string;
  headline: SnapshotMetricType[];
  objectives: SnapshotObjectiveType[];
  unrankedCommunities: number;
  topCommunities: SnapshotCommunityType[];
  bottomCommunities: SnapshotCommunityType[];
}

type SnapshotRow = {
  id: string;
  month: string;
  version: number;
  note: string | null;
  content: SnapshotContent;
  created_by_id: string;
  created_by_name: string | null;
  created_at: Date;
};

const SELECT = `SELECT s.id, s.month, s.version, s.note, s.content, s.created_by_id, a.display_name AS created_by_name, s.created_at
                  FROM metric_snapshots s LEFT JOIN accounts a ON a.id = s.created_by_id`;

/**
 * Saved monthly programme overviews for the steering committee: the organisation's headline
 * metrics, every objective's status as of the month's end, and the top and bottom communities by
 * active members ratio, computed through the same queries (and suppression) as the dashboards.
 * Immutable: saving a month again adds a version, so months (and versions) can be compared.
 */
@Injectable()
export class MetricSnapshotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly registry: MetricRegistry,
    private readonly metrics: MetricsService,
    private readonly objectives: ObjectivesOverviewService,
    private readonly rollups: RollupService,
  ) {}

  async save(viewer: Viewer, input: { month: string; note?: string | null }): Promise<MetricSnapshotType> {
    this.metrics.assertOrganisation(viewer);
    const month = monthRange(input.month.trim());
    const today = this.rollups.today();
    if (month.from > today) throw ValidationError.field('month', 'That month has not started yet.');
    const to = month.to < today ? month.to : today;
    const content = await this.compute(viewer, month.from, to);
    const note = input.note?.trim() || null;
    const id = await this.dataSource.transaction(async (manager) => {
      // One version number per save of a month, even when two are saved at once.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('commons_metric_snapshot'), hashtext($1))`, [month.month]);
      const [{ version }]: Array<{ version: number }> = await manager.query(
        'SELECT coalesce(max(version), 0)::int + 1 AS version FROM metric_snapshots WHERE month = $1',
        [month.month],
      );
      const now = this.clock.now();
      const snapshotId = uuidv7(now.getTime());
      await manager.query(
        `INSERT INTO metric_snapshots (id, month, version, note, content, created_by_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [snapshotId, month.month, version, note, JSON.stringify(content), viewer.accountId, now],
      );
      return snapshotId;
    });
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, id: string): Promise<MetricSnapshotType> {
    this.metrics.assertOrganisation(viewer);
    const [row]: SnapshotRow[] = await this.dataSource.query(`${SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFoundError('The snapshot');
    return toSnapshot(row);
  }

  /** Newest first. */
  async list(viewer: Viewer, args: { first: number; after?: string | null }) {
    this.metrics.assertOrganisation(viewer);
    const after = decodeTimeCursor(args.after);
    const rows: SnapshotRow[] = await this.dataSource.query(
      `${SELECT} WHERE ($1::timestamptz IS NULL OR (s.created_at, s.id) < ($1::timestamptz, $2::uuid))
        ORDER BY s.created_at DESC, s.id DESC LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
    );
    return toConnection(rows.map(toSnapshot), args.first, (s) => [s.createdAt.toISOString(), s.id], after !== undefined);
  }

  private async compute(viewer: Viewer, from: string, to: string): Promise<SnapshotContent> {
    const keys = HEADLINE_METRICS.filter((key) => {
      const definition = this.registry.find(key);
      return definition && definition.dimensions.includes(MetricDimension.Organisation) && definition.buckets.includes(MetricBucket.Month);
    });
    const series = keys.length === 0 ? [] : await this.metrics.series(viewer, { metrics: keys, dimension: MetricDimension.Organisation, from, to, bucket: MetricBucket.Month });
    const headline = series.map((s): SnapshotMetricType => {
      const point = s.points[0];
      return {
        key: s.definition.key,
        name: s.definition.name,
        unit: s.definition.unit,
        direction: s.definition.direction,
        value: point?.value ?? null,
        suppressed: point?.suppressed ?? false,
      };
    });

    const overview = await this.objectives.overview(viewer, {}, to);
    const objectives = overview.rows.map(
      (r): SnapshotObjectiveType => ({
        objectiveId: r.objective.id,
        communityId: r.objective.communityId,
        communityName: r.communityName,
        lifecycle: r.lifecycle,
        title: r.objective.title,
        metricKey: r.objective.metricKey,
        baseline: r.objective.baseline,
        target: r.objective.target,
        direction: r.objective.direction,
        dueDate: r.objective.dueDate,
        status: r.status.status,
        current: r.status.current,
        projected: r.status.projected,
        reason: r.status.reason,
      }),
    );

    const ranking = this.registry.find(RANKING_METRIC) ? await this.metrics.breakdown(viewer, RANKING_METRIC, MetricDimension.Community, from, to) : null;
    const ranked = (ranking?.rows ?? [])
      .filter((r) => !r.suppressed && r.value !== null)
      .map((r): SnapshotCommunityType => ({ communityId: r.slice.id as string, name: r.slice.label, value: r.value as number }));
    return {
      from,
      to,
      headline,
      objectives,
      unrankedCommunities: (ranking?.rows.length ?? 0) - ranked.length,
      topCommunities: ranked.slice(0, RANKED),
      bottomCommunities: ranked.slice(-RANKED).reverse(),
    };
  }
}

function toSnapshot(row: SnapshotRow): MetricSnapshotType {
  return {
    id: row.id,
    month: row.month,
    version: row.version,
    note: row.note,
    createdById: row.created_by_id,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    ...row.content,
  };
}
