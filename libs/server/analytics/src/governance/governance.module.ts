import { Module, type OnModuleInit } from '@nestjs/common';
import { AnalyticsCoreModule } from '../analytics-core.module';
import { MetricReaders } from '../metrics/metric-readers';
import { MetricRegistry } from '../metrics/metric-registry';
import { DailyRollups } from '../rollups/daily-rollup';
import { GOVERNANCE_METRICS, REVIEW_TIME_KEYS } from './governance-metrics';
import { GovernanceRollup } from './governance-rollup';
import { GovernanceResolver } from './governance.resolver';
import { ModerationByRuleService } from './moderation-by-rule.service';
import { ReviewTimeReader } from './review-time-reader';

/**
 * Governance metrics: moderation volumes by rule and decision, time to review, appeal outcomes,
 * and the programme's guideline acknowledgement and training completion rates.
 */
@Module({
  imports: [AnalyticsCoreModule],
  providers: [GovernanceRollup, ReviewTimeReader, ModerationByRuleService, GovernanceResolver],
})
export class GovernanceModule implements OnModuleInit {
  constructor(
    private readonly rollups: DailyRollups,
    private readonly registry: MetricRegistry,
    private readonly readers: MetricReaders,
    private readonly rollup: GovernanceRollup,
    private readonly reader: ReviewTimeReader,
  ) {}

  onModuleInit(): void {
    this.rollups.register(this.rollup);
    this.registry.register(GOVERNANCE_METRICS);
    this.readers.register(REVIEW_TIME_KEYS, this.reader);
  }
}
