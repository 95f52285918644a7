import { Module } from '@nestjs/common';
import { AnalyticsCoreModule } from './analytics-core.module';
import { HistoryModule } from './history/history.module';
import { ListeningModule } from './listening/listening.module';
import { ProgrammeModule } from './programme/programme.module';
import { GovernanceModule } from './governance/governance.module';
import { SupportModule } from './support/support.module';

/**
 * Adoption metrics and listening for the steering committee and community managers. Analytics
 * only listens: the activity log is fed by the outbox relay's consumer, background jobs roll it
 * up by day, and dashboards read the rollups. It never writes to another domain's tables.
 */
@Module({ imports: [AnalyticsCoreModule, HistoryModule, ListeningModule, ProgrammeModule, SupportModule, GovernanceModule] })
export class AnalyticsModule {}
