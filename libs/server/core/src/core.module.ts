import { Global, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { AuthorizationService } from './authorization/authorization.service';
import { Clock, SystemClock } from './time/clock';
import { ModeratedContentRegistry } from './moderation/moderation-gate';

/** Cross-cutting services every domain uses. The AppConfig provider is added by the composition root. */
@Global()
@Module({
  // ModerationGate itself comes from the moderation domain (a global module); content domains
  // register their posts here so moderation can act on them without importing them.
  providers: [AuthorizationService, { provide: Clock, useClass: SystemClock }, ModeratedContentRegistry],
  exports: [AuthorizationService, Clock, ModeratedContentRegistry],
})
export class CoreModule implements OnModuleInit {
  private readonly logger = new Logger('AdminOverride');

  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    // Until the moderation audit log records them, admin overrides at least reach the log.
    this.authorization.onAdminOverride(({ actor, action, resource }) => {
      const communityId = (resource as { access?: { communityId?: string } } | undefined)?.access?.communityId;
      this.logger.log({ adminId: actor.accountId, action, communityId }, 'An admin acted beyond the ordinary rules');
    });
  }
}
