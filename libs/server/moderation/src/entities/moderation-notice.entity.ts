import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What moderation tells an author or a moderator (held, approved, rejected, appeal decided, sanctioned). */
@Entity('moderation_notices')
@Index('moderation_notices_account', ['accountId', 'createdAt', 'id'])
export class ModerationNoticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  /** e.g. 'CONTENT_APPROVED', 'CONTENT_REJECTED', 'APPEAL_DECIDED', 'SANCTIONED'. */
  @Column('text')
  kind: string;

  @Column('text')
  message: string;

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('text', { name: 'content_kind', nullable: true })
  contentKind: string | null;

  @Column('uuid', { name: 'content_id', nullable: true })
  contentId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;
}
