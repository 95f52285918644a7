import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SanctionKind } from '@commons/shared-contracts';

/** A warning, a mute in one community, or a platform suspension; in force from `createdAt` until `endsAt` unless revoked. */
@Entity('moderation_sanctions')
@Index('moderation_sanctions_account', ['accountId', 'createdAt'])
@Index('moderation_sanctions_community', ['communityId', 'createdAt'])
export class ModerationSanctionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  /** Null for a platform suspension. */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('text')
  kind: SanctionKind;

  @Column('text')
  reason: string;

  /** Null for a warning, which is a record rather than a restriction. */
  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'revoked_by_id', nullable: true })
  revokedById: string | null;
}
