import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ArticleKind, ArticleState } from '../article-states';

/**
 * A knowledge article. Readers see its current published version (`title`, `body`,
 * `body_html`, copied from the version row); owners edit the working draft of the next version
 * (`draft_*`), whose `revision` grows with every save so a stale editor gets a CONFLICT.
 * `state` is where the working copy is in the workflow; readers see the article whenever a
 * version was published and it is not archived.
 */
@Entity('knowledge_articles')
@Index('knowledge_articles_scope_updated', ['communityId', 'updatedAt', 'id'])
@Index('knowledge_articles_collection', ['collectionId', 'updatedAt', 'id'])
@Index('knowledge_articles_review_due', ['reviewDueAt'], { where: `state <> 'ARCHIVED' AND published_version > 0` })
@Index('knowledge_articles_search', { synchronize: false })
export class KnowledgeArticleEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Null: platform-wide (programme team); otherwise a community with the knowledge use case. */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('uuid', { name: 'collection_id', nullable: true })
  collectionId: string | null;

  @Column('text')
  kind: ArticleKind;

  @Column('text')
  state: ArticleState;

  /** Platform-wide articles are for employees; these are also for customers and partners. */
  @Column('boolean', { name: 'shared_externally', default: false })
  sharedExternally: boolean;

  @Column('uuid', { name: 'owner_ids', array: true, default: '{}' })
  ownerIds: string[];

  @Column('uuid', { name: 'reviewer_ids', array: true, default: '{}' })
  reviewerIds: string[];

  @Column('text', { array: true, default: '{}' })
  tags: string[];

  /** The current published version (empty until the first is published). */
  @Column('text', { default: '' })
  title: string;

  @Column('text', { default: '' })
  body: string;

  @Column('text', { name: 'body_html', default: '' })
  bodyHtml: string;

  @Column('int', { name: 'published_version', default: 0 })
  publishedVersion: number;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('text', { name: 'draft_title' })
  draftTitle: string;

  @Column('text', { name: 'draft_body' })
  draftBody: string;

  @Column('text', { name: 'draft_body_html' })
  draftBodyHtml: string;

  /** Grows with every save of the working copy; editors send the one they started from. */
  @Column('int', { default: 1 })
  revision: number;

  /** The revision a reviewer approved; publishing needs it to equal `revision` when the article has reviewers. */
  @Column('int', { name: 'approved_revision', nullable: true })
  approvedRevision: number | null;

  @Column('uuid', { name: 'approved_by', nullable: true })
  approvedBy: string | null;

  /** A reviewer's note when they sent the draft back. */
  @Column('text', { name: 'review_comment', nullable: true })
  reviewComment: string | null;

  @Column('int', { name: 'review_period_days', default: 180 })
  reviewPeriodDays: number;

  @Column('timestamptz', { name: 'last_reviewed_at', nullable: true })
  lastReviewedAt: Date | null;

  /** Last reviewed (or published) plus the review period; null until published. */
  @Column('timestamptz', { name: 'review_due_at', nullable: true })
  reviewDueAt: Date | null;

  /** The due date whose reminder was already recorded, so each due date reminds once. */
  @Column('timestamptz', { name: 'review_reminded_for', nullable: true })
  reviewRemindedFor: Date | null;

  /** The forum thread whose accepted answer this article grew from. */
  @Column('uuid', { name: 'source_thread_id', nullable: true })
  sourceThreadId: string | null;

  @Column('int', { name: 'helpful_count', default: 0 })
  helpfulCount: number;

  @Column('int', { name: 'not_helpful_count', default: 0 })
  notHelpfulCount: number;

  @Column('int', { name: 'view_count', default: 0 })
  viewCount: number;

  @Column('uuid', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** Maintained by PostgreSQL over the published version; searched through a GIN index (written in the migration). */
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
}
