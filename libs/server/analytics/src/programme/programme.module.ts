import { Module, type OnModuleInit } from '@nestjs/common';
import { AnalyticsCoreModule } from '../analytics-core.module';
import { MetricReaders } from '../metrics/metric-readers';
import { MetricRegistry } from '../metrics/metric-registry';
import { DailyRollups } from '../rollups/daily-rollup';
import { CONVERSATION_METRIC_KEYS, CONVERSATION_METRICS, ConversationReader } from './conversation-metrics';
import { ConversationRollup } from './conversation-rollup';
import { GroupComparisonsService } from './group-comparisons.service';
import { MetricSnapshotsService } from './metric-snapshots.service';
import { ObjectivesOverviewService } from './objectives-overview.service';
import { ObjectiveStatusLoader } from './objective-status.loader';
import { ObjectiveStatusResolver } from './objective-status.resolver';
import { ObjectiveStatusService } from './objective-status.service';
import { ProgrammeResolver } from './programme.resolver';
import { RetentionService } from './retention.service';

/**
 * The programme view for the steering committee and managers: objectives against targets, the
 * pilot cohort and the trained against comparable others, retention of join-month cohorts,
 * engagement duration (conversation facts and their metrics), and saved monthly snapshots.
 */
@Module({
  imports: [AnalyticsCoreModule],
  providers: [
    ConversationRollup,
    ConversationReader,
    ObjectiveStatusService,
    ObjectiveStatusLoader,
    ObjectivesOverviewService,
    ObjectiveStatusResolver,
    GroupComparisonsService,
    RetentionService,
    MetricSnapshotsService,
    ProgrammeResolver,
  ],
})
export class ProgrammeModule implements OnModuleInit {
  constructor(
    private readonly rollups: DailyRollups,
    private readonly registry: MetricRegistry,
    private readonly readers: MetricReaders,
    private readonly conversationRollup: ConversationRollup,
    private readonly conversationReader: ConversationReader,
  ) {}

  onModuleInit(): void {
    this.rollups.register(this.conversationRollup);
    this.registry.register(CONVERSATION_METRICS);
    this.readers.register(CONVERSATION_METRIC_KEYS, this.conversationReader);
  }
}
