import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';
import { COMMUNITY_ROLES, type CommunityRole } from '@commons/shared-contracts';
import { CommunityEntity } from './community.entity';

/** Who belongs to a community now, with their role. The history lives in community_membership_events. */
@Entity('community_memberships')
@Index('community_memberships_account', ['accountId'])
export class CommunityMembershipEntity {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'enum', enum: COMMUNITY_ROLES, enumName: 'community_role' })
  role: CommunityRole;

  @Column('timestamptz', { name: 'joined_at' })
  joinedAt: Date;
}
