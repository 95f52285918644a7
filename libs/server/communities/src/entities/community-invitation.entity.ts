import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { COMMUNITY_ROLES, type CommunityRole } from '@commons/shared-contracts';
import { CommunityEntity } from './community.entity';

export const InvitationStatus = {
  Pending: 'PENDING',
  Accepted: 'ACCEPTED',
  Declined: 'DECLINED',
  Revoked: 'REVOKED',
} as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

/**
 * An invitation into a community, for an account or for an e-mail address that has no
 * account yet (it applies to whoever signs in with that address later).
 */
@Entity('community_invitations')
@Index('community_invitations_account', ['accountId', 'status'])
@Index('community_invitations_email', ['email', 'status'])
@Index('community_invitations_community', ['communityId', 'status'])
export class CommunityInvitationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @Column('uuid', { name: 'account_id', nullable: true })
  accountId: string | null;

  /** Lower-cased; set when invited by address. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column({ type: 'enum', enum: COMMUNITY_ROLES, enumName: 'community_role' })
  role: CommunityRole;

  @Column({ type: 'enum', enum: Object.values(InvitationStatus), enumName: 'community_invitation_status' })
  status: InvitationStatus;

  @Column('uuid', { name: 'invited_by_id' })
  invitedById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;
}
