import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService, GuidelineAcknowledgements } from '@commons/server-core';
import { CommunitiesModule } from '@commons/server-communities';
import { guidelineRules } from './guideline-access';
import { RecordedGuidelineAcknowledgements } from './guideline-acknowledgements.provider';
import { GuidelineComplianceService } from './guideline-compliance.service';
import { GuidelineRepository } from './guideline.repository';
import { GuidelinesResolver } from './guidelines.resolver';
import { GuidelinesService } from './guidelines.service';
import { GuidelineAcknowledgementEntity } from './entities/guideline-acknowledgement.entity';
import { GuidelineVersionEntity } from './entities/guideline-version.entity';
import { GuidelineEntity } from './entities/guideline.entity';

export const guidelineEntities = [GuidelineEntity, GuidelineVersionEntity, GuidelineAcknowledgementEntity];

/**
 * Center of Excellence: guidelines, their versions and acknowledgements. Global, because it
 * provides the GuidelineAcknowledgements moderation's rules read (moderation never imports it).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(guidelineEntities), CommunitiesModule],
  providers: [
    GuidelineRepository,
    GuidelinesService,
    GuidelineComplianceService,
    GuidelinesResolver,
    RecordedGuidelineAcknowledgements,
    { provide: GuidelineAcknowledgements, useExisting: RecordedGuidelineAcknowledgements },
  ],
  exports: [GuidelineAcknowledgements, GuidelinesService],
})
export class GuidelinesModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.registerRules(guidelineRules);
  }
}
