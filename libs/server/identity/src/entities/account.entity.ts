import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AUDIENCES, Audience, PLATFORM_ROLES, PlatformRole } from '@commons/shared-contracts';

@Entity('accounts')
@Index('accounts_directory_order', ['sortName', 'id'])
// A trigram GIN index (written in the migration) serves substring and typo-tolerant name search.
@Index('accounts_name_trigram', { synchronize: false })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stored lower-cased: one account per address whatever its spelling. */
  @Index('accounts_email_key', { unique: true })
  @Column('text')
  email: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  /** Lower-cased display name: the directory's keyset sort key. */
  @Column('text', { name: 'sort_name' })
  sortName: string;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('text', { nullable: true })
  title: string | null;

  @Column({ type: 'enum', enum: PLATFORM_ROLES, enumName: 'platform_role', default: PlatformRole.Member })
  role: PlatformRole;

  @Column({ type: 'enum', enum: AUDIENCES, enumName: 'audience', default: Audience.Employee })
  audience: Audience;

  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt: Date | null;

  /** A platform suspension imposed as a moderation sanction lasts until then (the session check reads it). */
  @Column('timestamptz', { name: 'suspended_until', nullable: true })
  suspendedUntil: Date | null;

  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true })
  lastSignInAt: Date | null;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
