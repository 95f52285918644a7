import type { ModerationState } from '@commons/shared-contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ThreadEntity } from './thread.entity';

/** A flat reply in a thread, optionally quoting another reply of the same thread. */
@Entity('forum_replies')
@Index('forum_replies_search', { synchronize: false })
// The same words with each post's week, for search to read a middling word week by week (migration SearchWeeks).
@Index('forum_replies_search_weeks', { synchronize: false })
// Search walks creation time backwards for common words (see ReadPathIndexes).
@Index('forum_replies_created', { synchronize: false })
@Index('forum_replies_thread_order', ['threadId', 'createdAt', 'id'])
@Index('forum_replies_author', ['authorId', 'createdAt'])
export class ReplyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'thread_id' })
  threadId: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ThreadEntity;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('uuid', { name: 'reply_to_id', nullable: true })
  replyToId: string | null;

  @Column('text')
  body: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @Column('int', { default: 1 })
  version: number;

  /** Maintained by PostgreSQL; searched through a GIN index (written in the migration). */
  @Column({
    type: 'tsvector',
    name: 'search_vector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('english', body)`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  /** VISIBLE, or seen only by its author and moderators while HELD, HIDDEN by flags, or REJECTED on review. */
  @Column('text', { name: 'moderation_state', default: 'VISIBLE' })
  moderationState: ModerationState;
}
