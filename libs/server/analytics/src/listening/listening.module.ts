import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthorizationService } from '@commons/server-core';
import { AnalyticsCoreModule } from '../analytics-core.module';
import { MetricRegistry } from '../metrics/metric-registry';
import { AnalyticsJobs } from '../rollups/analytics-jobs';
import { DailyRollups } from '../rollups/daily-rollup';
import { listeningRules } from './listening-access';
import { ListeningInsightsService } from './listening-insights.service';
import { LISTENING_METRICS } from './listening-metrics';
import { ListeningRollup } from './listening-rollup';
import { ListeningScorer } from './listening-scorer';
import { ListeningResolver } from './listening.resolver';
import { TermListsService } from './term-lists.service';

/**
 * Listening: sentiment and brand mentions of posts (scored in the background), share of voice
 * from the organisation's term lists, trending tags and key phrases, and the ideas funnel.
 */
@Module({
  imports: [AnalyticsCoreModule],
  providers: [ListeningScorer, ListeningRollup, TermListsService, ListeningInsightsService, ListeningResolver],
  exports: [ListeningScorer],
})
export class ListeningModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly rollups: DailyRollups,
    private readonly rollup: ListeningRollup,
    private readonly registry: MetricRegistry,
    private readonly jobs: AnalyticsJobs,
    private readonly scorer: ListeningScorer,
  ) {}

  onModuleInit(): void {
    this.authorization.registerRules(listeningRules);
    this.rollups.register(this.rollup);
    this.registry.register(LISTENING_METRICS);
    this.jobs.registerHourly(this.scorer);
  }
}
