import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { COMMUNITY_ROLES, type CommunityRole } from '@commons/shared-contracts';

export const MembershipEventKind = {
  Joined: 'JOINED',
  RoleChanged: 'ROLE_CHANGED',
  Left: 'LEFT',
  Removed: 'REMOVED',
  Banned: 'BANNED',
  Unbanned: 'UNBANNED',
} as const;
export type MembershipEventKind = (typeof MembershipEventKind)[keyof typeof MembershipEventKind];

/**
 * Append-only history of membership: adoption metrics (active members over time, cohort
 * against everyone else) are computed from it, so rows are never updated or deleted.
 */
@Entity('community_membership_events')
@Index('community_membership_events_timeline', ['communityId', 'occurredAt'])
@Index('community_membership_events_account', ['accountId', 'occurredAt'])
export class MembershipEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column({ type: 'enum', enum: Object.values(MembershipEventKind), enumName: 'membership_event_kind' })
  kind: MembershipEventKind;

  /** The role after the event (null once the person is out). */
  @Column({ type: 'enum', enum: COMMUNITY_ROLES, enumName: 'community_role', nullable: true })
  role: CommunityRole | null;

  @Column({ type: 'enum', enum: COMMUNITY_ROLES, enumName: 'community_role', name: 'previous_role', nullable: true })
  previousRole: CommunityRole | null;

  /** Who made it happen: the person themself, a manager, or an admin. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
