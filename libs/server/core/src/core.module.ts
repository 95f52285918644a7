import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { AdminOverrideAudit } from './audit/admin-override-audit';
import { RidingWrites } from './database/riding-writes';
import { AuthorizationService } from './authorization/authorization.service';
import { Clock, SystemClock } from './time/clock';
import { ModeratedContentRegistry } from './moderation/moderation-gate';

/** Cross-cutting services every domain uses. The AppConfig provider is added by the composition root. */
@Global()
@Module({
  // ModerationGate and AuditTrail themselves come from the moderation domain (a global module); content domains
  // register their posts here so moderation can act on them without importing them.
  providers: [AuthorizationService, { provide: Clock, useClass: SystemClock }, ModeratedContentRegistry, AdminOverrideAudit, RidingWrites],
  exports: [AuthorizationService, Clock, ModeratedContentRegistry, AdminOverrideAudit, RidingWrites],
})
export class CoreModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly overrides: AdminOverrideAudit,
  ) {}

  onModuleInit(): void {
    // An admin acting beyond the ordinary rules goes to the audit log, once per request, action and community.
    this.authorization.onAdminOverride(this.overrides.note);
  }
}
