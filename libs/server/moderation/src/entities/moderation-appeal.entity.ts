import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AppealStatus, AppealTarget } from '@commons/shared-contracts';

/** An author's one appeal against a rejection, a hold or a sanction, decided by another moderator. */
@Entity('moderation_appeals')
@Index('moderation_appeals_once', ['targetKind', 'targetId'], { unique: true })
@Index('moderation_appeals_pending', ['communityId', 'createdAt'], { where: "status = 'PENDING'" })
export class ModerationAppealEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'target_kind' })
  targetKind: AppealTarget;

  @Column('uuid', { name: 'target_id' })
  targetId: string;

  /** Null for an appeal against a platform suspension (admins decide). */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('uuid', { name: 'appellant_id' })
  appellantId: string;

  @Column('text')
  message: string;

  /** Who made the decision appealed; null when it was the policy alone. They may not decide the appeal. */
  @Column('uuid', { name: 'original_decider_id', nullable: true })
  originalDeciderId: string | null;

  @Column('text')
  status: AppealStatus;

  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
