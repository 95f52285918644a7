import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AUDIENCES, Audience, PLATFORM_ROLES, PlatformRole } from '@commons/shared-contracts';
import { AccountEntity } from './account.entity';

/** A single-use link that lets someone register even when open registration is off. */
@Entity('invites')
export class InviteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('invites_token_hash_key', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  /** When set, only this address may use the invite. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column({ type: 'enum', enum: PLATFORM_ROLES, enumName: 'platform_role', default: PlatformRole.Member })
  role: PlatformRole;

  /** Customers and partners join by invite with their audience; open registration is for employees. */
  @Column({ type: 'enum', enum: AUDIENCES, enumName: 'audience', default: Audience.Employee })
  audience: Audience;

  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: AccountEntity;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('uuid', { name: 'accepted_by_id', nullable: true })
  acceptedById: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by_id' })
  acceptedBy?: AccountEntity;
}
