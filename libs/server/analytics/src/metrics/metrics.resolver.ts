import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { DayRangeArgs, MetricBreakdownInput, MetricSeriesInput } from '../dto/metric.inputs';
import { MetricBreakdownType, MetricDefinitionType, MetricSeriesType, RollupBackfillType, RollupRunType } from '../dto/metric.types';
import { AnalyticsJobs } from '../rollups/analytics-jobs';
import { RollupService } from '../rollups/rollup.service';
import { checkRange, MetricsService } from './metrics.service';

@Resolver()
export class MetricsResolver {
  constructor(
    private readonly metrics: MetricsService,
    private readonly rollups: RollupService,
    private readonly jobs: AnalyticsJobs,
  ) {}

  @Query(() => [MetricDefinitionType], { description: 'Every metric with its definition.' })
  @Authorize(PlatformAction.SignedIn)
  metricDefinitions(): MetricDefinitionType[] {
    return this.metrics.definitions();
  }

  @Query(() => [MetricSeriesType], {
    description:
      'Metrics over time for one slice, from the daily rollups. The organisation, departments, audiences and cohorts: the steering committee; a community: also its managers. Values about fewer people than the minimum group size are suppressed.',
  })
  @Authorize(PlatformAction.SignedIn)
  metricSeries(@CurrentViewer() viewer: Viewer, @Args('input') input: MetricSeriesInput): Promise<MetricSeriesType[]> {
    return this.metrics.series(viewer, input);
  }

  @Query(() => MetricBreakdownType, { description: 'One metric over a range for every community, department, audience or cohort. The steering committee.' })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  async metricBreakdown(@CurrentViewer() viewer: Viewer, @Args('input') input: MetricBreakdownInput): Promise<MetricBreakdownType> {
    const b = await this.metrics.breakdown(viewer, input.metric, input.dimension, input.from, input.to);
    return { ...b, ...b.range };
  }

  @Query(() => [RollupRunType], { description: 'How each day’s rollup went, newest first.' })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  rollupRuns(@Args() args: DayRangeArgs): Promise<RollupRunType[]> {
    const { from, to } = checkRange(args.from, args.to);
    return this.rollups.runs(from, to);
  }

  @Mutation(() => RollupBackfillType, { description: 'Rolls up a range of days again (after an import, or a fix). Admins.' })
  @Authorize(PlatformAction.Administer)
  backfillRollups(@Args() args: DayRangeArgs): Promise<RollupBackfillType> {
    const { from, to } = checkRange(args.from, args.to);
    return this.jobs.backfill(from, to);
  }
}
