import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AuthorizationService, type AppConfig } from '@commons/server-core';
import { VIEWER_RESOLVER } from '@commons/server-graphql';
import { AccountRepository } from './account.repository';
import { AccountVisibility } from './account-visibility';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AccountEntity } from './entities/account.entity';
import { InviteEntity } from './entities/invite.entity';
import { PlatformSettingsEntity } from './entities/platform-settings.entity';
import { RateLimitBucketEntity } from './entities/rate-limit-bucket.entity';
import { SessionEntity } from './entities/session.entity';
import { accountRules } from './identity.actions';
import { InvitesService } from './invites.service';
import { PasswordHasher } from './password-hasher';
import { PlatformSettingsService } from './platform-settings.service';
import { RateLimiter } from './rate-limiter';
import { RegistrationResolver } from './registration.resolver';
import { SecretTokens } from './secret-token';
import { SessionCookie } from './session-cookie';
import { SessionViewerResolver } from './session-viewer.resolver';
import { SessionsService } from './sessions.service';

export const identityEntities = [AccountEntity, SessionEntity, InviteEntity, PlatformSettingsEntity, RateLimitBucketEntity];

/** Accounts, sessions, platform roles, registration and sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature(identityEntities)],
  providers: [
    { provide: SecretTokens, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new SecretTokens(c.secretKey) },
    { provide: SessionCookie, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new SessionCookie(c) },
    { provide: VIEWER_RESOLVER, useClass: SessionViewerResolver },
    AccountRepository,
    AccountVisibility,
    AccountsService,
    AuthService,
    InvitesService,
    PasswordHasher,
    PlatformSettingsService,
    RateLimiter,
    SessionsService,
    AccountsResolver,
    AuthResolver,
    RegistrationResolver,
  ],
  exports: [VIEWER_RESOLVER, AccountVisibility, AccountsService, AccountRepository, SessionsService, SessionCookie],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.registerRules(accountRules);
  }
}
