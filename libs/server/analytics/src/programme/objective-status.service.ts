import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@commons/server-core';
import { MetricBucket, MetricCombine, MetricDimension, MetricUnit, type MetricDefinition } from '../metrics/metric-definition';
import { MetricReaders, type MetricValueRow } from '../metrics/metric-readers';
import { MetricRegistry } from '../metrics/metric-registry';
import { MetricsService, valueRow } from '../metrics/metrics.service';
import { RollupService } from '../rollups/rollup.service';
import { ObjectiveStatus, projectObjective, type DatedValue, type Projection } from './objective-projection';
import { addDays } from '../metrics/days';

/** What the status of an objective needs (the columns of community_objectives). */
export interface ObjectiveFacts {
  id: string;
  communityId: string;
  metricKey: string;
  baseline: number;
  target: number;
  direction: 'UP' | 'DOWN';
  /** YYYY-MM-DD */
  dueDate: string;
  createdAt: Date;
}

export interface ObjectiveStatusResult extends Projection {
  objectiveId: string;
  /** The day the status was computed for (YYYY-MM-DD). */
  asOf: string;
  /** The first day of the values the trend was fitted on. */
  since: string;
  definition: MetricDefinition | null;
}

/** The trend is fitted on the weekly values since the objective was created, and on at least this many days. */
const MIN_TREND_DAYS = 56;
/** …and on at most two years (the longest range metrics answer). */
const MAX_TREND_DAYS = 730;

type WeekRow = {
  metric: string;
  slice_id: string;
  from_day: string;
  start: string;
  sum_num: number | null;
  sum_den: number | null;
  last_num: number | null;
  last_den: number | null;
  avg_num: number | null;
  avg_den: number | null;
  people: number | null;
};

/**
 * Each objective's current value and where it is heading (see objective-projection.ts), from the
 * weekly values of its metric for its community. The values are the same the metric queries give
 * (daily rollups combined the same way, or the metric's reader), suppressed the same way; but
 * they are read here without the metric queries' access check, because an objective's progress
 * is readable by whoever may read the objective (its community's readers), not only its managers.
 */
@Injectable()
export class ObjectiveStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: MetricRegistry,
    private readonly readers: MetricReaders,
    private readonly metrics: MetricsService,
    private readonly rollups: RollupService,
  ) {}

  /** Statuses in the order of `objectives`, as of `asOf` (today by default). */
  async statuses(objectives: readonly ObjectiveFacts[], asOf: string = this.rollups.today()): Promise<ObjectiveStatusResult[]> {
    const windows = objectives.map((o) => this.since(o, asOf));
    const daily = await this.dailyWeeks(
      objectives.flatMap((o, i) => (this.registry.find(o.metricKey)?.source === 'DAILY' ? [{ metricKey: o.metricKey, communityId: o.communityId, since: windows[i] }] : [])),
      asOf,
    );
    return Promise.all(
      objectives.map(async (objective, i) => {
        const since = windows[i];
        const definition = this.registry.find(objective.metricKey) ?? null;
        const unknown = (reason: string): ObjectiveStatusResult => ({
          objectiveId: objective.id,
          asOf,
          since,
          definition,
          status: ObjectiveStatus.Unknown,
          current: null,
          projected: null,
          progress: null,
          reason,
        });
        if (!definition) return unknown(`The metric ${objective.metricKey} is not computed yet, so this objective has no value.`);
        if (!definition.dimensions.includes(MetricDimension.Community)) return unknown(`${definition.name} cannot be shown for a community.`);
        const weeks =
          definition.source === 'READER'
            ? await this.readerWeeks(definition, objective.communityId, since, asOf)
            : (daily.get(weekKey(objective.metricKey, objective.communityId, since)) ?? []);
        const shown = weeks.map((w) => this.metrics.suppress(w));
        if (shown.length > 0 && shown.every((w) => w.suppressed || w.value === null) && shown.some((w) => w.suppressed)) {
          return unknown(`Fewer than ${this.config.analytics.minGroupSize} people are behind this community's values, so they are not shown.`);
        }
        const values: DatedValue[] = shown
          .filter((w) => !w.suppressed && w.value !== null)
          .map((w) => ({ day: minDay(addDays(w.start, 6), asOf), value: w.value as number }));
        const projection = projectObjective({
          baseline: objective.baseline,
          target: objective.target,
          direction: objective.direction,
          dueDate: objective.dueDate,
          today: asOf,
          values,
          bounds: boundsOf(definition.unit),
        });
        return { ...projection, objectiveId: objective.id, asOf, since, definition };
      }),
    );
  }

  /** The first day of the trend: the objective's creation, at least 8 weeks and at most 2 years back. */
  private since(objective: ObjectiveFacts, asOf: string): string {
    const created = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(objective.createdAt);
    const floor = addDays(asOf, -MAX_TREND_DAYS);
    const atLeast = addDays(asOf, -MIN_TREND_DAYS + 1);
    const since = created < atLeast ? created : atLeast;
    return since < floor ? floor : since;
  }

  /** Weekly buckets of the metrics rolled up daily, for every objective in one statement. */
  private async dailyWeeks(
    daily: ReadonlyArray<{ metricKey: string; communityId: string; since: string }>,
    asOf: string,
  ): Promise<Map<string, Array<MetricValueRow & { start: string }>>> {
    const result = new Map<string, Array<MetricValueRow & { start: string }>>();
    if (daily.length === 0) return result;
    const keys = new Map<string, [string, string, string]>();
    for (const { metricKey, communityId, since } of daily) keys.set(weekKey(metricKey, communityId, since), [metricKey, communityId, since]);
    const triples = [...keys.values()];
    const rows: WeekRow[] = await this.dataSource.query(
      `WITH o AS (SELECT * FROM unnest($1::text[], $2::text[], $3::date[]) AS o(metric, slice_id, from_day))
       SELECT o.metric, o.slice_id, to_char(o.from_day, 'YYYY-MM-DD') AS from_day, to_char(date_trunc('week', r.day), 'YYYY-MM-DD') AS start,
              sum(r.numerator) AS sum_num, sum(r.denominator) AS sum_den,
              (array_agg(r.numerator ORDER BY r.day DESC))[1] AS last_num, (array_agg(r.denominator ORDER BY r.day DESC))[1] AS last_den,
              avg(r.numerator) AS avg_num, avg(r.denominator) AS avg_den, max(r.people) AS people
         FROM o JOIN metric_daily r ON r.metric = o.metric AND r.slice_kind = 'COMMUNITY' AND r.slice_id = o.slice_id AND r.day BETWEEN o.from_day AND $4::date
        GROUP BY o.metric, o.slice_id, o.from_day, date_trunc('week', r.day)
        ORDER BY 4`,
      [triples.map((t) => t[0]), triples.map((t) => t[1]), triples.map((t) => t[2]), asOf],
    );
    for (const row of rows) {
      const definition = this.registry.get(row.metric);
      const [numerator, denominator] = combined(definition.combine, row);
      const key = weekKey(row.metric, row.slice_id, row.from_day);
      const list = result.get(key) ?? [];
      list.push({ ...valueRow(definition, { numerator, denominator, people: row.people }), start: row.start });
      result.set(key, list);
    }
    return result;
  }

  private async readerWeeks(definition: MetricDefinition, communityId: string, from: string, to: string): Promise<Array<MetricValueRow & { start: string }>> {
    return this.readers.get(definition.key).series({
      definition,
      dimension: MetricDimension.Community,
      sliceId: communityId,
      range: { from, to },
      bucket: MetricBucket.Week,
      timeZone: this.config.timeZone,
    });
  }
}

const weekKey = (metric: string, communityId: string, since: string) => `${metric}|${communityId}|${since}`;
const minDay = (a: string, b: string) => (a < b ? a : b);

/** A week's numerator and denominator, combined from its days as the metric queries do (see MetricCombine). */
function combined(combine: MetricCombine, row: WeekRow): [number | null, number | null] {
  switch (combine) {
    case MetricCombine.Sum:
      return [row.sum_num, null];
    case MetricCombine.Ratio:
      return [row.sum_num, row.sum_den];
    case MetricCombine.Last:
      return [row.last_num, row.last_den];
    case MetricCombine.Mean:
      return [row.avg_num, row.avg_den];
  }
}

/** Where a projection of a metric in this unit must stay. */
function boundsOf(unit: MetricDefinition['unit']): { min?: number; max?: number } {
  if (unit === MetricUnit.Ratio) return { min: 0, max: 1 };
  if (unit === MetricUnit.Score) return { min: -5, max: 5 };
  return { min: 0 };
}
