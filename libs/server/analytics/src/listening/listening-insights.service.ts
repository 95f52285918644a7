import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ValidationError, type AppConfig, type Viewer } from '@commons/server-core';
import { addDays, isDay } from '../metrics/days';
import { MetricDimension } from '../metrics/metric-definition';
import { checkRange, MetricsService, type SliceRef } from '../metrics/metrics.service';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { RollupService } from '../rollups/rollup.service';
import { funnel, IDEA_STATUSES, IDEA_TAGS, STATUS_TAGS, type FunnelStage } from './idea-funnel';
import { BASELINE_WEEKS, MIN_TREND_COUNT, trendingTopics, type TopicKind, type TrendingTopic } from './trending';

export interface TrendingTopicsAnswer {
  asOf: string;
  /** The first day of each 7-day window of the sparklines, oldest first; the last is the week asked about. */
  weekStarts: string[];
  topics: TrendingTopic[];
}

export interface IdeaFunnelAnswer {
  from: string;
  to: string;
  /** Null when suppressed. */
  ideas: number | null;
  /** Distinct people who posted the ideas. */
  people: number;
  suppressed: boolean;
  /** Every number is null when suppressed. */
  stages: Array<Omit<FunnelStage, 'count' | 'reached'> & { count: number | null; reached: number | null }>;
}

const WINDOW_DAYS = 7 * (BASELINE_WEEKS + 1);

/**
 * Trending topics and the ideas funnel, for the organisation (the steering committee) or one
 * community (also its managers): the same access and privacy rules as metrics, through
 * MetricsService.sliceFor.
 */
@Injectable()
export class ListeningInsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly rollups: RollupService,
  ) {}

  async trending(viewer: Viewer, input: { communityId?: string | null; asOf?: string | null; limit: number }): Promise<TrendingTopicsAnswer> {
    const asOf = input.asOf ?? this.rollups.today();
    if (!isDay(asOf)) throw ValidationError.field('asOf', 'Enter a date as YYYY-MM-DD.');
    const slice = await this.slice(viewer, input.communityId);
    const params: unknown[] = [asOf, slice.id, MIN_TREND_COUNT, this.config.analytics.minGroupSize];
    const rows: Array<{ kind: TopicKind; topic: string; people: number; week_ago: number; n: number }> = await this.dataSource.query(
      `WITH r AS (
              SELECT kind, topic, ($1::date - day) / 7 AS week_ago, mentions, authors
                FROM listening_topics_daily
               WHERE day > $1::date - ${WINDOW_DAYS} AND day <= $1::date AND ${inSlice('community_id', '$2', viewer, params)}),
            this_week AS (
              SELECT kind, topic FROM r WHERE week_ago = 0 GROUP BY kind, topic HAVING sum(mentions) >= $3),
            people AS (
              SELECT r.kind, r.topic, count(DISTINCT a)::int AS people
                FROM r JOIN this_week USING (kind, topic) CROSS JOIN unnest(r.authors) AS a
               WHERE r.week_ago = 0
               GROUP BY r.kind, r.topic HAVING count(DISTINCT a) >= $4)
       SELECT r.kind, r.topic, p.people, r.week_ago::int AS week_ago, sum(r.mentions)::int AS n
         FROM r JOIN people p USING (kind, topic)
        GROUP BY r.kind, r.topic, p.people, r.week_ago`,
      params,
    );
    const candidates = new Map<string, { kind: TopicKind; topic: string; people: number; weeks: number[] }>();
    for (const row of rows) {
      const key = `${row.kind}:${row.topic}`;
      let candidate = candidates.get(key);
      if (!candidate) {
        candidate = { kind: row.kind, topic: row.topic, people: row.people, weeks: new Array<number>(BASELINE_WEEKS + 1).fill(0) };
        candidates.set(key, candidate);
      }
      candidate.weeks[BASELINE_WEEKS - row.week_ago] = row.n;
    }
    const weekStarts = Array.from({ length: BASELINE_WEEKS + 1 }, (_, i) => addDays(asOf, -7 * (BASELINE_WEEKS - i) - 6));
    return { asOf, weekStarts, topics: trendingTopics([...candidates.values()], input.limit) };
  }

  async ideaFunnel(viewer: Viewer, input: { communityId?: string | null; from: string; to: string }): Promise<IdeaFunnelAnswer> {
    // checkRange lets impossible days such as 2026-02-30 through (Date.parse rolls them over).
    for (const field of ['from', 'to'] as const) if (!isDay(input[field])) throw ValidationError.field(field, 'Enter a date as YYYY-MM-DD.');
    const { from, to } = checkRange(input.from, input.to);
    const slice = await this.slice(viewer, input.communityId);
    const params: unknown[] = [slice.id, IDEA_TAGS, STATUS_TAGS.UNDER_REVIEW, STATUS_TAGS.PLANNED, STATUS_TAGS.DONE, from, to, this.config.timeZone];
    const [row]: Array<{ ideas: number; people: number; under_review: number; planned: number; done: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS ideas, count(DISTINCT author_id)::int AS people,
              count(*) FILTER (WHERE $5 = ANY(tags))::int AS done,
              count(*) FILTER (WHERE NOT $5 = ANY(tags) AND $4 = ANY(tags))::int AS planned,
              count(*) FILTER (WHERE NOT $5 = ANY(tags) AND NOT $4 = ANY(tags) AND $3 = ANY(tags))::int AS under_review
         FROM forum_threads
        WHERE tags && $2::text[] AND deleted_at IS NULL AND moderation_state = 'VISIBLE'
          AND created_at >= ($6::date)::timestamp AT TIME ZONE $8 AND created_at < ($7::date + 1)::timestamp AT TIME ZONE $8
          AND ${inSlice('community_id', '$1', viewer, params)}`,
      params,
    );
    const counts = { NEW: row.ideas - row.under_review - row.planned - row.done, UNDER_REVIEW: row.under_review, PLANNED: row.planned, DONE: row.done };
    const answer = { from, to, ideas: row.ideas, people: row.people, suppressed: false, stages: funnel(counts) };
    // Too few people behind the ideas: counts could tell who proposed what.
    if (row.people >= this.config.analytics.minGroupSize) return answer;
    return { ...answer, ideas: null, suppressed: true, stages: IDEA_STATUSES.map((status) => ({ status, count: null, reached: null, shareOfIdeas: null, conversion: null })) };
  }

  /** The organisation (steering), or a community (also its managers): FORBIDDEN or NOT_FOUND otherwise. */
  private slice(viewer: Viewer, communityId: string | null | undefined): Promise<SliceRef> {
    return communityId ? this.metrics.sliceFor(viewer, MetricDimension.Community, communityId) : this.metrics.sliceFor(viewer, MetricDimension.Organisation, null);
  }
}

/**
 * The slice's communities as SQL on `column`: the one asked about (`$n`, already checked), or for
 * the organisation every community whose content the viewer may read — topics and ideas come from
 * what people wrote, which even the steering committee reads only where it may.
 */
function inSlice(column: string, communityParam: string, viewer: Viewer, params: unknown[]): string {
  const readable = readableCommunityIdsSql(viewer, (value) => `$${params.push(value)}`);
  return `(CASE WHEN ${communityParam}::uuid IS NULL THEN ${column} IN (${readable}) ELSE ${column} = ${communityParam}::uuid END)`;
}
