import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrail, ModerationGate } from '@commons/server-core';
import { CommunitiesModule } from '@commons/server-communities';
import { ModerationAccess } from './access/moderation-access';
import { AppealsService } from './appeals/appeals.service';
import { AuditLog } from './audit/audit-log';
import { DryRunService } from './dry-run/dry-run.service';
import { FlagsService } from './flags/flags.service';
import { ModerationService } from './gate/moderation.service';
import { ModerationNotices } from './notices/moderation-notices';
import { PoliciesService } from './policies/policies.service';
import { PolicyStore } from './policies/policy.store';
import { People } from './review/people';
import { QueueActivity } from './review/queue-activity';
import { QueueActivityResolver } from './review/queue-activity.resolver';
import { ReviewQueueService } from './review/review-queue.service';
import { SanctionsService } from './sanctions/sanctions.service';
import { ModerationResolver } from './moderation.resolver';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';
import { ContentFlagEntity } from './entities/content-flag.entity';
import { ModerationAppealEntity } from './entities/moderation-appeal.entity';
import { ModerationDecisionEntity } from './entities/moderation-decision.entity';
import { ModerationDryRunEntity } from './entities/moderation-dry-run.entity';
import { ModerationNoticeEntity } from './entities/moderation-notice.entity';
import { ModerationPolicyVersionEntity } from './entities/moderation-policy-version.entity';
import { ModerationPolicyEntity } from './entities/moderation-policy.entity';
import { ModerationQueueItemEntity } from './entities/moderation-queue-item.entity';
import { ModerationSanctionEntity } from './entities/moderation-sanction.entity';

export const moderationEntities = [
  ModerationPolicyEntity,
  ModerationPolicyVersionEntity,
  ModerationDecisionEntity,
  ModerationQueueItemEntity,
  ContentFlagEntity,
  ModerationSanctionEntity,
  ModerationAppealEntity,
  AuditLogEntryEntity,
  ModerationDryRunEntity,
  ModerationNoticeEntity,
];

/**
 * Moderation: policies and their versions, the gate every content write passes, the review
 * queue, flags, sanctions, appeals, the audit log and dry-runs. Global, because it provides
 * the ModerationGate the content domains call and the AuditTrail every domain records its
 * administrative actions in (they never import this module).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(moderationEntities), CommunitiesModule],
  providers: [
    PolicyStore,
    AuditLog,
    ModerationNotices,
    ModerationAccess,
    People,
    ModerationService,
    { provide: ModerationGate, useExisting: ModerationService },
    { provide: AuditTrail, useExisting: AuditLog },
    ReviewQueueService,
    QueueActivity,
    QueueActivityResolver,
    FlagsService,
    SanctionsService,
    AppealsService,
    PoliciesService,
    DryRunService,
    ModerationResolver,
  ],
  exports: [ModerationGate, AuditTrail, ModerationService, PolicyStore, AuditLog, DryRunService],
})
export class ModerationModule {}
