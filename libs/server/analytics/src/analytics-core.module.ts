import { Module, type OnModuleInit } from '@nestjs/common';
import { CommunitiesModule } from '@commons/server-communities';
import { EventConsumers } from '@commons/server-realtime';
import { ActivityConsumer } from './activity/activity-consumer';
import { ActivityPartitions } from './activity/activity-partitions';
import { MetricReaders } from './metrics/metric-readers';
import { MetricRegistry } from './metrics/metric-registry';
import { MetricsResolver } from './metrics/metrics.resolver';
import { MetricsService } from './metrics/metrics.service';
import { ACTIVITY_METRICS } from './rollups/activity-metrics';
import { ActivityRollup } from './rollups/activity-rollup';
import { AnalyticsJobs } from './rollups/analytics-jobs';
import { DailyRollups } from './rollups/daily-rollup';
import { RollupService } from './rollups/rollup.service';

/**
 * The core every part of analytics builds on: the activity log and its consumer, the daily
 * rollup runner and its jobs, the metric registry and the metric queries; and the adoption,
 * engagement and governance volumes themselves. Parts (support, listening…) import it and
 * register their rollups, metrics and readers when they start.
 */
@Module({
  imports: [CommunitiesModule],
  providers: [
    ActivityPartitions,
    ActivityConsumer,
    DailyRollups,
    ActivityRollup,
    RollupService,
    AnalyticsJobs,
    MetricRegistry,
    MetricReaders,
    MetricsService,
    MetricsResolver,
  ],
  exports: [DailyRollups, RollupService, AnalyticsJobs, MetricRegistry, MetricReaders, MetricsService, ActivityPartitions],
})
export class AnalyticsCoreModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly consumer: ActivityConsumer,
    private readonly rollups: DailyRollups,
    private readonly activityRollup: ActivityRollup,
    private readonly registry: MetricRegistry,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.consumer);
    this.rollups.register(this.activityRollup);
    this.registry.register(ACTIVITY_METRICS);
  }
}
