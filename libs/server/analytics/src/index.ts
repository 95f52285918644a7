export { AnalyticsModule } from './analytics.module';
export { AnalyticsCoreModule } from './analytics-core.module';
export { ActivityKind, PLATFORM_COMMUNITY } from './activity/activity-kinds';
export { ActivityPartitions } from './activity/activity-partitions';
export { activityRowsOf, insertActivity, type ActivityRow } from './activity/activity-consumer';
export { RollupService, dayIn, daysBetween } from './rollups/rollup.service';
export { AnalyticsJobs } from './rollups/analytics-jobs';
