import { Global, Module } from '@nestjs/common';
import { AuthorizationService } from './authorization/authorization.service';
import { Clock, SystemClock } from './time/clock';

/** Cross-cutting services every domain uses. The AppConfig provider is added by the composition root. */
@Global()
@Module({
  providers: [AuthorizationService, { provide: Clock, useClass: SystemClock }],
  exports: [AuthorizationService, Clock],
})
export class CoreModule {}
