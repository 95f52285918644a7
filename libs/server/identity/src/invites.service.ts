import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, AuditTrail, auditActorOf, Clock, uuidv7, ValidationError, type AppConfig, type Viewer } from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { InviteEntity } from './entities/invite.entity';
import { SecretTokens } from './secret-token';
import { AccountsService } from './accounts.service';

const INVITE_TTL_DAYS = 14;

export interface InvitationView {
  email: string | null;
  role: PlatformRole;
  audience: Audience;
  expiresAt: Date;
  usable: boolean;
}

@Injectable()
export class InvitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: SecretTokens,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(viewer: Viewer, input: { email?: string | null; role: PlatformRole; audience?: Audience }) {
    if (input.role !== PlatformRole.Member && (input.audience ?? Audience.Employee) !== Audience.Employee) {
      throw ValidationError.field('role', 'Only employees can be admins or steering-committee members.');
    }
    const now = this.clock.now();
    const token = this.tokens.generate();
    const invite: InviteEntity = {
      id: uuidv7(now.getTime()),
      tokenHash: this.tokens.hash(token),
      email: input.email ? AccountsService.normalizeEmail(input.email) : null,
      role: input.role,
      audience: input.audience ?? Audience.Employee,
      createdById: viewer.accountId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000),
      acceptedAt: null,
      acceptedById: null,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(InviteEntity, invite);
      // What the link grants, never the link: the token (and its hash) stay out of the log.
      await this.audit.record(manager, auditActorOf(viewer), {
        action: 'invite.create',
        targetKind: 'invite',
        targetId: invite.id,
        communityId: null,
        after: { email: invite.email, role: invite.role, audience: invite.audience, expiresAt: invite.expiresAt.toISOString() },
      });
    });
    return {
      token,
      url: `${this.config.publicUrl}/register?invite=${token}`,
      invitation: this.view(invite),
    };
  }

  /** What a token grants, for the registration page; null when the token is unknown. */
  async describe(token: string): Promise<InvitationView | null> {
    if (!this.tokens.isWellFormed(token)) return null;
    const invite = await this.dataSource.getRepository(InviteEntity).findOne({ where: { tokenHash: this.tokens.hash(token) } });
    return invite ? this.view(invite) : null;
  }

  /** The invite a registration may use, locked for this transaction; BAD_USER_INPUT when it cannot be used. */
  async claimable(manager: EntityManager, token: string, email: string): Promise<InviteEntity> {
    const unusable = ValidationError.field('inviteToken', 'This invite link is not valid any more. Ask for a new one.');
    if (!this.tokens.isWellFormed(token)) throw unusable;
    const invite = await manager.findOne(InviteEntity, {
      where: { tokenHash: this.tokens.hash(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invite || !this.view(invite).usable) throw unusable;
    if (invite.email && invite.email !== AccountsService.normalizeEmail(email)) {
      throw ValidationError.field('email', 'This invite is for a different e-mail address.');
    }
    return invite;
  }

  async markAccepted(manager: EntityManager, invite: InviteEntity, accountId: string): Promise<void> {
    await manager.update(InviteEntity, invite.id, { acceptedAt: this.clock.now(), acceptedById: accountId });
  }

  private view(invite: InviteEntity): InvitationView {
    return {
      email: invite.email,
      role: invite.role,
      audience: invite.audience,
      expiresAt: invite.expiresAt,
      usable: invite.acceptedAt === null && invite.expiresAt > this.clock.now(),
    };
  }
}
