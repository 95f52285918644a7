import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContentKind, QueueSource, QueueStatus } from '@commons/shared-contracts';

/**
 * A post awaiting a moderator: held by the policy or flagged by members. At most one pending
 * item per post; deciding moves `status` once (a second decision is a CONFLICT).
 */
@Entity('moderation_queue_items')
@Index('moderation_queue_pending', ['communityId', 'createdAt', 'id'], { where: "status = 'PENDING'" })
@Index('moderation_queue_one_pending', ['contentId'], { unique: true, where: "status = 'PENDING'" })
@Index('moderation_queue_content', ['contentId', 'createdAt'])
export class ModerationQueueItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('text', { name: 'content_kind' })
  contentKind: ContentKind;

  @Column('uuid', { name: 'content_id' })
  contentId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('text')
  source: QueueSource;

  /** The policy decision that held it (POLICY items). */
  @Column('uuid', { name: 'decision_id', nullable: true })
  decisionId: string | null;

  @Column('text')
  status: QueueStatus;

  /** Sent up to the platform's admins. */
  @Column('boolean')
  escalated: boolean;

  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** The moderator's reason, shown to the author. */
  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
