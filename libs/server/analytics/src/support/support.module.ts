import { Module, type OnModuleInit } from '@nestjs/common';
import { CommunitiesModule } from '@commons/server-communities';
import { AnalyticsCoreModule } from '../analytics-core.module';
import { MetricReaders } from '../metrics/metric-readers';
import { MetricRegistry } from '../metrics/metric-registry';
import { AnalyticsJobs } from '../rollups/analytics-jobs';
import { SlaAlerts } from './sla-alerts';
import { SupportMetricReader } from './support-metric-reader';
import { SUPPORT_METRIC_KEYS, SUPPORT_METRICS } from './support-metrics';
import { SupportSlaService } from './support-sla.service';
import { SupportResolver } from './support.resolver';

/**
 * Support for Q&A forums: response and resolution metrics computed on read from the per-question
 * facts the core's consumer keeps, each community's first-response SLA, its unanswered backlog,
 * and alerts (checked every 5 minutes) to its managers when a question waits past the SLA.
 */
@Module({
  imports: [AnalyticsCoreModule, CommunitiesModule],
  providers: [SupportMetricReader, SupportSlaService, SlaAlerts, SupportResolver],
  exports: [SlaAlerts],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly registry: MetricRegistry,
    private readonly readers: MetricReaders,
    private readonly jobs: AnalyticsJobs,
    private readonly reader: SupportMetricReader,
    private readonly alerts: SlaAlerts,
  ) {}

  onModuleInit(): void {
    this.registry.register(SUPPORT_METRICS);
    this.readers.register(SUPPORT_METRIC_KEYS, this.reader);
    this.jobs.registerFrequent(this.alerts);
  }
}
