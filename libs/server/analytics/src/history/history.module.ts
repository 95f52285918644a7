import { Module } from '@nestjs/common';
import { AnalyticsCoreModule } from '../analytics-core.module';
import { HistoryImportService } from './history-import.service';

/** The activity history import: the past analytics did not see, derived from the content tables and rolled up. */
@Module({
  imports: [AnalyticsCoreModule],
  providers: [HistoryImportService],
  exports: [HistoryImportService],
})
export class HistoryModule {}
