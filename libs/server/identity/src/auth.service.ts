import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  Clock,
  ForbiddenError,
  UnauthenticatedError,
  ValidationError,
  type AppConfig,
  type RequestContext,
  type Viewer,
} from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { AccountEntity } from './entities/account.entity';
import { AccountsService } from './accounts.service';
import { InvitesService } from './invites.service';
import { PasswordHasher } from './password-hasher';
import { PlatformSettingsService } from './platform-settings.service';
import { RateLimiter } from './rate-limiter';
import { SessionsService, type SessionMeta } from './sessions.service';
import type { ChangePasswordInput, RegisterInput, SignInInput } from './dto/account.inputs';

export interface SignedIn {
  account: AccountEntity;
  token: string;
  viewer: Viewer;
}

/** One message for every failed sign-in, so it never tells whether an address has an account. */
const BAD_CREDENTIALS = 'The e-mail address or password is incorrect.';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly invites: InvitesService,
    private readonly settings: PlatformSettingsService,
    private readonly hasher: PasswordHasher,
    private readonly rateLimiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates an account and signs it in. Needs open registration or a valid invite;
   * the very first account of an empty platform becomes its admin.
   */
  async register(input: RegisterInput, request: RequestContext, meta: SessionMeta): Promise<SignedIn> {
    const { registrationsPerAddress, registrationWindowSeconds, loginAttemptsPerAccount } = this.config.auth;
    await this.rateLimiter.hit([
      { key: `register:address:${request.address}`, limit: registrationsPerAddress, windowSeconds: registrationWindowSeconds },
      // Probing one address for "already registered" is limited like guessing its password.
      {
        key: `register:account:${AccountsService.normalizeEmail(input.email)}`,
        limit: loginAttemptsPerAccount,
        windowSeconds: registrationWindowSeconds,
      },
    ]);
    return this.dataSource.transaction(async (manager) => {
      const invite = input.inviteToken ? await this.invites.claimable(manager, input.inviteToken, input.email) : null;
      if (!invite && !(await this.settings.get(manager)).openRegistration) {
        throw ValidationError.field('inviteToken', 'Registration is by invitation only. Ask an admin for an invite link.');
      }
      const isFirstAccount = (await manager.count(AccountEntity)) === 0;
      const account = await this.accounts.create(manager, {
        ...input,
        role: isFirstAccount ? PlatformRole.Admin : (invite?.role ?? PlatformRole.Member),
        audience: isFirstAccount ? Audience.Employee : (invite?.audience ?? Audience.Employee),
      });
      if (invite) await this.invites.markAccepted(manager, invite, account.id);
      return this.openSession(manager, account, meta);
    });
  }

  /** Rate-limited by address and by account; bad credentials all read the same. */
  async signIn(input: SignInInput, request: RequestContext, meta: SessionMeta): Promise<SignedIn> {
    const email = AccountsService.normalizeEmail(input.email);
    const { loginAttemptsPerAccount, loginAttemptsPerAddress, loginWindowSeconds } = this.config.auth;
    const accountKey = `login:account:${email}`;
    await this.rateLimiter.hit([
      { key: accountKey, limit: loginAttemptsPerAccount, windowSeconds: loginWindowSeconds },
      { key: `login:address:${request.address}`, limit: loginAttemptsPerAddress, windowSeconds: loginWindowSeconds },
    ]);
    const account = await this.dataSource.getRepository(AccountEntity).findOne({ where: { email } });
    const valid = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    if (!account || !valid) throw new UnauthenticatedError(BAD_CREDENTIALS);
    if (account.suspendedAt) throw new ForbiddenError('This account is suspended. Contact an admin.');
    await this.rateLimiter.reset([accountKey]);

    return this.dataSource.transaction((manager) => this.openSession(manager, account, meta));
  }

  /** Records the sign-in and opens a session, in the caller's transaction. */
  private async openSession(manager: EntityManager, account: AccountEntity, meta: SessionMeta): Promise<SignedIn> {
    account.lastSignInAt = this.clock.now();
    await manager.update(AccountEntity, account.id, { lastSignInAt: account.lastSignInAt });
    const { token, sessionId } = await this.sessions.start(manager, account.id, meta);
    return { account, token, viewer: { accountId: account.id, sessionId, role: account.role, audience: account.audience } };
  }

  async signOut(viewer: Viewer): Promise<void> {
    await this.dataSource.transaction((manager) => this.sessions.end(manager, viewer.sessionId, 'SIGNED_OUT'));
  }

  /** Changes the password and ends every other session of the account. */
  async changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(AccountEntity, { where: { id: viewer.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account || !(await this.hasher.verify(account.passwordHash, input.currentPassword))) {
        throw ValidationError.field('currentPassword', 'The current password is incorrect.');
      }
      const now = this.clock.now();
      await manager.update(AccountEntity, account.id, {
        passwordHash: await this.hasher.hash(input.newPassword),
        passwordChangedAt: now,
        updatedAt: now,
      });
      await this.sessions.endAllForAccount(manager, account.id, 'PASSWORD_CHANGED', viewer.sessionId);
    });
  }
}
