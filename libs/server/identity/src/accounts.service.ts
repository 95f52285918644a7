import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, auditActorOf, Clock, ConflictError, NotFoundError, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { AccountEntity } from './entities/account.entity';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';
import type { AccountsArgs, UpdateProfileInput } from './dto/account.inputs';
import { AccountRepository } from './account.repository';

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  department?: string | null;
  title?: string | null;
  role?: PlatformRole;
  audience?: Audience;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  static normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  /** Inserts an account in the caller's transaction; a taken address is a CONFLICT on `email`. */
  async create(manager: EntityManager, input: NewAccount): Promise<AccountEntity> {
    const now = this.clock.now();
    const email = AccountsService.normalizeEmail(input.email);
    const displayName = input.displayName.trim();
    const account = manager.create(AccountEntity, {
      id: uuidv7(now.getTime()),
      email,
      passwordHash: await this.hasher.hash(input.password),
      displayName,
      sortName: displayName.toLowerCase(),
      department: input.department ?? null,
      title: input.title ?? null,
      role: input.role ?? PlatformRole.Member,
      audience: input.audience ?? Audience.Employee,
      suspendedAt: null,
      lastSignInAt: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const taken = () => new ConflictError('An account with this e-mail address already exists.', 'email');
    if (await manager.exists(AccountEntity, { where: { email } })) throw taken();
    try {
      await manager.insert(AccountEntity, account);
    } catch (error) {
      // Two registrations racing for one address: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw taken();
      throw error;
    }
    return account;
  }

  async get(id: string): Promise<AccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('The account');
    return account;
  }

  /** An account as `viewer` may see it: out-of-reach accounts read as not found. */
  async getVisible(viewer: Viewer, id: string): Promise<AccountEntity> {
    const account = await this.accounts.findVisible(viewer, id);
    if (!account) throw new NotFoundError('The account');
    return account;
  }

  list(viewer: Viewer, args: AccountsArgs) {
    return this.accounts.directoryPage(viewer, args);
  }

  async updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, viewer.accountId);
      if (input.displayName !== undefined) {
        account.displayName = input.displayName;
        account.sortName = input.displayName.toLowerCase();
      }
      if (input.department !== undefined) account.department = input.department;
      if (input.title !== undefined) account.title = input.title;
      account.updatedAt = this.clock.now();
      await manager.save(account);
      return account;
    });
  }

  async setRole(viewer: Viewer, accountId: string, role: PlatformRole): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, accountId);
      if (account.role === role) return account;
      if (account.role === PlatformRole.Admin && role !== PlatformRole.Admin) await this.assertAnotherAdmin(manager, account.id);
      if (role !== PlatformRole.Member && account.audience !== Audience.Employee) {
        throw ValidationError.field('role', 'Only employees can be admins or steering-committee members.');
      }
      const before = account.role;
      account.role = role;
      account.updatedAt = this.clock.now();
      await manager.save(account);
      await this.recordChange(manager, viewer, 'account.role', account.id, { role: before }, { role });
      return account;
    });
  }

  /** Moves an account between audiences (an employee who becomes a partner, say); takes effect on its next request. */
  async setAudience(viewer: Viewer, accountId: string, audience: Audience): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, accountId);
      if (account.role !== PlatformRole.Member && audience !== Audience.Employee) {
        throw ValidationError.field('audience', 'Admins and steering-committee members are employees; change their role first.');
      }
      const before = account.audience;
      account.audience = audience;
      account.updatedAt = this.clock.now();
      await manager.save(account);
      await this.recordChange(manager, viewer, 'account.audience', account.id, { audience: before }, { audience });
      return account;
    });
  }

  /** Suspends an account and ends all its sessions at once: its next request is anonymous. */
  async suspend(viewer: Viewer, accountId: string): Promise<AccountEntity> {
    if (accountId === viewer.accountId) throw ValidationError.field('accountId', 'You cannot suspend your own account.');
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, accountId);
      if (account.suspendedAt) return account;
      if (account.role === PlatformRole.Admin) await this.assertAnotherAdmin(manager, account.id);
      account.suspendedAt = this.clock.now();
      account.updatedAt = account.suspendedAt;
      await manager.save(account);
      await this.sessions.endAllForAccount(manager, account.id, 'SUSPENDED');
      await this.recordChange(manager, viewer, 'account.suspend', account.id, { suspended: false }, { suspended: true });
      return account;
    });
  }

  async reinstate(viewer: Viewer, accountId: string): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, accountId);
      if (!account.suspendedAt) return account;
      account.suspendedAt = null;
      account.updatedAt = this.clock.now();
      await manager.save(account);
      await this.recordChange(manager, viewer, 'account.reinstate', account.id, { suspended: true }, { suspended: false });
      return account;
    });
  }

  /** An administrator's change to an account, in the platform's audit log (no community). */
  private recordChange(manager: EntityManager, viewer: Viewer, action: string, accountId: string, before: object, after: object): Promise<void> {
    return this.audit.record(manager, auditActorOf(viewer), { action, targetKind: 'account', targetId: accountId, communityId: null, before, after });
  }

  private async lockAccount(manager: EntityManager, id: string): Promise<AccountEntity> {
    const account = await manager.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw new NotFoundError('The account');
    return account;
  }

  /** The platform always keeps at least one active admin. */
  private async assertAnotherAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    // Two admins demoting each other at once must not both succeed: serialise the check.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('commons:platform-admins'))`);
    const others = await manager
      .createQueryBuilder(AccountEntity, 'a')
      .where('a.role = :role AND a.suspended_at IS NULL AND a.id <> :exceptId', { role: PlatformRole.Admin, exceptId })
      .getCount();
    if (others === 0) throw new ConflictError('This is the last active admin; make someone else admin first.');
  }
}
