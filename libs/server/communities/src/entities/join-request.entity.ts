import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';
import { CommunityEntity } from './community.entity';

export const JoinRequestStatus = {
  Pending: 'PENDING',
  Approved: 'APPROVED',
  Denied: 'DENIED',
  Cancelled: 'CANCELLED',
} as const;
export type JoinRequestStatus = (typeof JoinRequestStatus)[keyof typeof JoinRequestStatus];

/** A request to join a private community; decided by a manager with a reason. Kept after the decision. */
@Entity('community_join_requests')
@Index('community_join_requests_one_pending', ['communityId', 'accountId'], { unique: true, where: `status = 'PENDING'` })
@Index('community_join_requests_queue', ['communityId', 'status', 'createdAt'])
export class JoinRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('text', { nullable: true })
  message: string | null;

  @Column({ type: 'enum', enum: Object.values(JoinRequestStatus), enumName: 'join_request_status' })
  status: JoinRequestStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;
}
