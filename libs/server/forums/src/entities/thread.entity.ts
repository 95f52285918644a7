import type { ModerationState } from '@commons/shared-contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForumCategoryEntity } from './forum-category.entity';
import { THREAD_KINDS, type ThreadKind } from '@commons/shared-contracts';

/**
 * A forum thread: the opening post and its state. Replies, reactions and follows live in
 * their own tables; the counters here are kept in the same transactions that change them.
 */
@Entity('forum_threads')
// Pinned first, then latest activity (expression indexes), and creation time for search: see ReadPathIndexes.
@Index('forum_threads_community_activity', { synchronize: false })
@Index('forum_threads_category_activity', { synchronize: false })
@Index('forum_threads_created', { synchronize: false })
// GIN indexes (written in the migration): tag pages look threads up by tag; search by words.
@Index('forum_threads_tags', { synchronize: false })
@Index('forum_threads_search', { synchronize: false })
// The same words with each post's week, for search to read a middling word week by week (migration SearchWeeks).
@Index('forum_threads_search_weeks', { synchronize: false })
export class ThreadEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'category_id' })
  categoryId: string;

  @ManyToOne(() => ForumCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: ForumCategoryEntity;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column({ type: 'enum', enum: THREAD_KINDS, enumName: 'thread_kind' })
  kind: ThreadKind;

  @Column('text')
  title: string;

  /** Markdown source, and the sanitized HTML rendered from it on write. */
  @Column('text')
  body: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('text', { array: true, default: '{}' })
  tags: string[];

  @Column('timestamptz', { name: 'locked_at', nullable: true })
  lockedAt: Date | null;

  @Column('timestamptz', { name: 'pinned_at', nullable: true })
  pinnedAt: Date | null;

  @Column('uuid', { name: 'duplicate_of_id', nullable: true })
  duplicateOfId: string | null;

  @Column('int', { name: 'reply_count', default: 0 })
  replyCount: number;

  /** Unique viewers per day, added up by the view buffer's flushes. */
  @Column('int', { name: 'view_count', default: 0 })
  viewCount: number;

  /** The first reply by someone other than the author: "time to first response". */
  @Column('timestamptz', { name: 'first_response_at', nullable: true })
  firstResponseAt: Date | null;

  @Column('uuid', { name: 'accepted_reply_id', nullable: true })
  acceptedReplyId: string | null;

  /** When the question was first resolved: "time to resolution". Kept when the answer changes. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_activity_at' })
  lastActivityAt: Date;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt: Date | null;

  /** Soft delete by the author: the thread stays as a tombstone so replies keep their place. */
  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  /** Optimistic concurrency: an edit names the version it started from. */
  @Column('int', { default: 1 })
  version: number;

  /** Maintained by PostgreSQL from title (weight A) and body (B); searched through a GIN index. */
  @Column({
    type: 'tsvector',
    name: 'search_vector',
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  /** VISIBLE, or seen only by its author and moderators while HELD, HIDDEN by flags, or REJECTED on review. */
  @Column('text', { name: 'moderation_state', default: 'VISIBLE' })
  moderationState: ModerationState;
}
