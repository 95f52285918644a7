import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuthorizationService, ForbiddenError, NotFoundError, PlatformAction, ValidationError, type AppConfig, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import {
  METRIC_DIMENSIONS,
  MetricBucket,
  MetricCombine,
  MetricDimension,
  type MetricDefinition,
} from './metric-definition';
import { isDay } from './days';
import { MetricReaders, type DayRange, type MetricValueRow } from './metric-readers';
import { MetricRegistry } from './metric-registry';

/** The longest range a question may cover, and the most points an answer may hold. */
export const MAX_RANGE_DAYS = 731;
export const MAX_POINTS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface SliceRef {
  dimension: MetricDimension;
  /** Null for the organisation. */
  id: string | null;
  label: string;
}

export interface MetricPoint extends MetricValueRow {
  start: string;
  suppressed: boolean;
}

export interface MetricSeries {
  definition: MetricDefinition;
  slice: SliceRef;
  bucket: MetricBucket;
  range: DayRange;
  points: MetricPoint[];
}

export interface BreakdownRow extends MetricValueRow {
  slice: SliceRef;
  suppressed: boolean;
}

export interface MetricBreakdown {
  definition: MetricDefinition;
  dimension: MetricDimension;
  range: DayRange;
  rows: BreakdownRow[];
}

export interface SeriesQuery {
  metrics: readonly string[];
  dimension: string;
  sliceId?: string | null;
  from: string;
  to: string;
  bucket: MetricBucket;
}

/** How a bucket's or slice's daily rows combine (see MetricCombine), over rows `r` ordered by day. */
const COMBINED: Record<MetricCombine, { numerator: string; denominator: string }> = {
  [MetricCombine.Sum]: { numerator: 'sum(r.numerator)', denominator: 'NULL::float8' },
  [MetricCombine.Ratio]: { numerator: 'sum(r.numerator)', denominator: 'sum(r.denominator)' },
  [MetricCombine.Last]: { numerator: '(array_agg(r.numerator ORDER BY r.day DESC))[1]', denominator: '(array_agg(r.denominator ORDER BY r.day DESC))[1]' },
  [MetricCombine.Mean]: { numerator: 'avg(r.numerator)', denominator: 'avg(r.denominator)' },
};

/**
 * Answers metric questions from the rollups (never the raw log): a series of buckets for one
 * slice, or one value per slice of a dimension. Organisation-wide slices (the organisation,
 * departments, audiences, cohorts) are for the steering committee and admins; a community's
 * numbers also for its managers. Any value about fewer people than the minimum group size is
 * suppressed, whoever asks.
 */
@Injectable()
export class MetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: MetricRegistry,
    private readonly readers: MetricReaders,
    private readonly authorization: AuthorizationService,
    private readonly communities: CommunityAccessService,
  ) {}

  definitions(): MetricDefinition[] {
    return this.registry.all;
  }

  async series(viewer: Viewer, query: SeriesQuery): Promise<MetricSeries[]> {
    const range = checkRange(query.from, query.to);
    const dimension = checkDimension(query.dimension);
    const definitions = query.metrics.map((key, i) => this.registry.get(key, `metrics.${i}`));
    for (const definition of definitions) checkSliceable(definition, dimension);
    if (bucketCount(range, query.bucket) > MAX_POINTS) {
      throw ValidationError.field('bucket', `That range has more than ${MAX_POINTS} ${query.bucket.toLowerCase()} buckets; choose a shorter range or a longer bucket.`);
    }
    const slice = await this.sliceFor(viewer, dimension, query.sliceId ?? null);
    // Every metric of the daily rollups in one statement; each computed on read by its reader.
    const daily = this.dailySeries(definitions.filter((d) => d.source === 'DAILY'), slice, range, query.bucket);
    return Promise.all(
      definitions.map(async (definition) => {
        const rows =
          definition.source === 'READER'
            ? await this.readers.get(definition.key).series({ definition, dimension, sliceId: slice.id, range, bucket: query.bucket, timeZone: this.config.timeZone })
            : ((await daily).get(definition.key) ?? []);
        return { definition, slice, bucket: query.bucket, range, points: rows.map((row) => this.suppress(row)) };
      }),
    );
  }

  async breakdown(viewer: Viewer, metric: string, dimensionName: string, from: string, to: string): Promise<MetricBreakdown> {
    const range = checkRange(from, to);
    const dimension = checkDimension(dimensionName);
    const definition = this.registry.get(metric);
    if (dimension === MetricDimension.Organisation) throw ValidationError.field('dimension', 'Break a metric down by COMMUNITY, DEPARTMENT, AUDIENCE or COHORT.');
    checkSliceable(definition, dimension);
    this.assertOrganisation(viewer);
    const rows =
      definition.source === 'READER'
        ? await this.readers.get(definition.key).breakdown({ definition, dimension, range, timeZone: this.config.timeZone })
        : await this.dailyBreakdown(definition, dimension, range);
    const labels = await this.labels(dimension, rows.map((r) => r.sliceId));
    if (dimension === MetricDimension.Community) for (const id of await this.hiddenCommunities(viewer, [...labels.keys()])) labels.delete(id);
    const result = rows
      .filter((r) => labels.has(r.sliceId))
      .map((r) => ({ ...this.suppress(r), slice: { dimension, id: r.sliceId, label: labels.get(r.sliceId) as string } }))
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.slice.label.localeCompare(b.slice.label));
    return { definition, dimension, range, rows: result };
  }

  /** The slice asked about, after checking the viewer may see it. */
  async sliceFor(viewer: Viewer, dimension: MetricDimension, id: string | null): Promise<SliceRef> {
    if (dimension === MetricDimension.Organisation) {
      this.assertOrganisation(viewer);
      return { dimension, id: null, label: 'Organisation' };
    }
    if (!id) throw ValidationError.field('sliceId', `Name the ${dimension.toLowerCase()} to show.`);
    if (dimension === MetricDimension.Community) {
      if (!UUID.test(id)) throw ValidationError.field('sliceId', 'Not a valid community id.');
      const access = await this.communities.facts(viewer, id);
      if (!access || !this.authorization.can(viewer, CommunityAction.View, { access })) throw new NotFoundError('The community');
      if (!this.authorization.can(viewer, PlatformAction.ReadOrganisationMetrics) && !this.authorization.can(viewer, CommunityAction.Manage, { access })) {
        throw new ForbiddenError("Only the community's managers and the steering committee can see its metrics.");
      }
    } else {
      this.assertOrganisation(viewer);
      if (dimension === MetricDimension.Cohort && !UUID.test(id)) throw ValidationError.field('sliceId', 'Not a valid cohort id.');
    }
    const label = (await this.labels(dimension, [id])).get(id);
    if (label === undefined) throw new NotFoundError(`The ${dimension.toLowerCase()}`);
    return { dimension, id, label };
  }

  /**
   * Of these communities, those the viewer may not see (secret or draft ones they are not in):
   * organisation-wide numbers never name them, even to the steering committee.
   */
  async hiddenCommunities(viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
    const loaded = await this.communities.load(viewer, ids);
    return new Set(ids.filter((id) => {
      const community = loaded.get(id);
      return !community || !this.authorization.can(viewer, CommunityAction.View, community);
    }));
  }

  assertOrganisation(viewer: Viewer): void {
    if (!this.authorization.can(viewer, PlatformAction.ReadOrganisationMetrics)) {
      throw new ForbiddenError('Organisation-wide metrics are for the steering committee.');
    }
  }

  /** Hides a value about too few people: its numbers could be one person's activity. */
  suppress<R extends MetricValueRow>(row: R): R & { suppressed: boolean } {
    // A bucket with no data at all (a day not rolled up) has nothing to hide: it is empty, not hidden.
    const empty = row.people === 0 && row.numerator === null;
    if (empty || row.people >= this.config.analytics.minGroupSize) return { ...row, suppressed: false };
    return { ...row, numerator: null, denominator: null, value: null, suppressed: true };
  }

  /** Buckets of several daily-rollup metrics for one slice, each combined as its definition says. */
  private async dailySeries(
    definitions: readonly MetricDefinition[],
    slice: SliceRef,
    range: DayRange,
    bucket: MetricBucket,
  ): Promise<Map<string, Array<MetricValueRow & { start: string }>>> {
    const series = new Map<string, Array<MetricValueRow & { start: string }>>();
    if (definitions.length === 0) return series;
    const unit = bucket.toLowerCase();
    const combines = Object.values(MetricCombine);
    const rows: Array<Record<string, number | string | null> & { metric: string; start: string }> = await this.dataSource.query(
      `WITH buckets AS (
         SELECT b::date AS start FROM generate_series(date_trunc('${unit}', $4::date), $5::date, interval '1 ${unit}') AS b),
       r AS (
         SELECT metric, date_trunc('${unit}', day)::date AS start, day, numerator, denominator, people
           FROM metric_daily WHERE metric = ANY($1) AND slice_kind = $2 AND slice_id = $3 AND day BETWEEN $4 AND $5)
       SELECT m.metric, to_char(b.start, 'YYYY-MM-DD') AS start, max(r.people) AS people,
              ${combines.map((c) => `${COMBINED[c].numerator} AS "${c}_numerator", ${COMBINED[c].denominator} AS "${c}_denominator"`).join(', ')}
         FROM unnest($1::text[]) AS m(metric) CROSS JOIN buckets b LEFT JOIN r ON r.metric = m.metric AND r.start = b.start
        GROUP BY m.metric, b.start ORDER BY m.metric, b.start`,
      [definitions.map((d) => d.key), slice.dimension, slice.id ?? '', range.from, range.to],
    );
    for (const definition of definitions) {
      const c = definition.combine;
      series.set(
        definition.key,
        rows
          .filter((r) => r.metric === definition.key)
          .map((r) => valueRow(definition, { start: r.start, numerator: r[`${c}_numerator`] as number | null, denominator: r[`${c}_denominator`] as number | null, people: r.people as number | null })),
      );
    }
    return series;
  }

  private async dailyBreakdown(definition: MetricDefinition, dimension: MetricDimension, range: DayRange): Promise<Array<MetricValueRow & { sliceId: string }>> {
    const combined = COMBINED[definition.combine];
    const rows: Array<{ slice_id: string; numerator: number | null; denominator: number | null; people: number | null }> = await this.dataSource.query(
      `SELECT r.slice_id, ${combined.numerator} AS numerator, ${combined.denominator} AS denominator, max(r.people) AS people
         FROM metric_daily r WHERE r.metric = $1 AND r.slice_kind = $2 AND r.day BETWEEN $3 AND $4
        GROUP BY r.slice_id`,
      [definition.key, dimension, range.from, range.to],
    );
    return rows.map((r) => ({ ...valueRow(definition, r), sliceId: r.slice_id }));
  }

  /** Names of slices by id; a slice that no longer exists has none. */
  async labels(dimension: MetricDimension, ids: readonly string[]): Promise<Map<string, string>> {
    if (dimension === MetricDimension.Department || dimension === MetricDimension.Audience) {
      const column = dimension === MetricDimension.Department ? 'department' : 'audience::text';
      const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT DISTINCT ${column} AS id FROM accounts WHERE ${column} = ANY($1)`, [ids]);
      return new Map(rows.map((r) => [r.id, dimension === MetricDimension.Audience ? audienceLabel(r.id) : r.id]));
    }
    const valid = ids.filter((id) => UUID.test(id));
    const table = dimension === MetricDimension.Community ? 'communities' : 'cohorts';
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id::text, name FROM ${table} WHERE id = ANY($1::uuid[])`, [valid]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function audienceLabel(audience: string): string {
  return { EMPLOYEE: 'Employees', CUSTOMER: 'Customers', PARTNER: 'Partners' }[audience] ?? audience;
}

/** A row's value from its combined numerator and denominator. */
export function valueRow<R extends { numerator: number | null; denominator: number | null; people: number | null }>(
  definition: MetricDefinition,
  row: R,
): MetricValueRow & Omit<R, 'numerator' | 'denominator' | 'people'> {
  const numerator = row.numerator === null ? null : Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  const divides = definition.combine === MetricCombine.Ratio || (denominator !== null && definition.combine !== MetricCombine.Sum);
  const value = numerator === null ? null : divides ? (denominator ? numerator / denominator : null) : numerator;
  return { ...row, numerator, denominator, value, people: Number(row.people ?? 0) };
}

export function checkRange(from: string, to: string): DayRange {
  for (const [field, day] of [['from', from], ['to', to]] as const) {
    if (!isDay(day)) throw ValidationError.field(field, 'Enter a date as YYYY-MM-DD.');
  }
  if (from > to) throw ValidationError.field('from', 'The range starts after it ends.');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) throw ValidationError.field('from', 'Choose a range of at most 2 years.');
  return { from, to };
}

export function checkDimension(dimension: string): MetricDimension {
  if (!(METRIC_DIMENSIONS as readonly string[]).includes(dimension)) {
    throw ValidationError.field('dimension', `Unknown dimension "${dimension}". Valid dimensions: ${METRIC_DIMENSIONS.join(', ')}.`);
  }
  return dimension as MetricDimension;
}

function checkSliceable(definition: MetricDefinition, dimension: MetricDimension): void {
  if (!definition.dimensions.includes(dimension)) {
    throw ValidationError.field('dimension', `${definition.name} cannot be sliced by ${dimension}. Valid dimensions for it: ${definition.dimensions.join(', ')}.`);
  }
}

function bucketCount({ from, to }: DayRange, bucket: MetricBucket): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return bucket === MetricBucket.Day ? days : bucket === MetricBucket.Week ? Math.ceil(days / 7) + 1 : Math.ceil(days / 28) + 1;
}
