import type { ModerationState } from '@commons/shared-contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BLOG_POST_STATES, type BlogPostState } from '@commons/shared-contracts';

/**
 * A blog post. Drafts are visible to their authors only; a PUBLISHED post appears once
 * `published_at` has come, which is how scheduled publishing works without a job.
 */
@Entity('blog_posts')
@Index('blog_posts_slug_key', ['communityId', 'slug'], { unique: true })
@Index('blog_posts_community_published', ['communityId', 'state', 'publishedAt', 'id'])
@Index('blog_posts_feed', ['state', 'publishedAt', 'id'])
@Index('blog_posts_unannounced', ['publishedAt'], { where: `announced_at IS NULL AND state = 'PUBLISHED' AND moderation_state = 'VISIBLE'` })
@Index('blog_posts_author', ['authorId', 'updatedAt'])
@Index('blog_posts_search', { synchronize: false })
// The same words with each post's week, for search to read a middling word week by week (migration SearchWeeks).
@Index('blog_posts_search_weeks', { synchronize: false })
// A GIN index (written in the migration) serves the lists of posts with a tag.
@Index('blog_posts_tags', { synchronize: false })
export class BlogPostEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('uuid', { name: 'co_author_ids', array: true, default: '{}' })
  coAuthorIds: string[];

  @Column('text')
  slug: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('text', { default: '' })
  excerpt: string;

  @Column('text', { name: 'cover_image_url', nullable: true })
  coverImageUrl: string | null;

  @Column('text', { array: true, default: '{}' })
  tags: string[];

  @Column({ type: 'enum', enum: BLOG_POST_STATES, enumName: 'blog_post_state' })
  state: BlogPostState;

  /** When it appears (now or a scheduled time); null until first published. */
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  /**
   * When readers were told it appeared (its published event). A post scheduled for later, or
   * approved before its time, is announced by ScheduledPostAnnouncer once its time has come.
   */
  @Column('timestamptz', { name: 'announced_at', nullable: true })
  announcedAt: Date | null;

  @Column('int', { name: 'comment_count', default: 0 })
  commentCount: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('int', { default: 1 })
  version: number;

  /** Maintained by PostgreSQL; searched through a GIN index (written in the migration). */
  @Column({
    type: 'tsvector',
    name: 'search_vector',
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', excerpt), 'B') || setweight(to_tsvector('english', body), 'C')`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  /** VISIBLE, or seen only by its author and moderators while HELD, HIDDEN by flags, or REJECTED on review. */
  @Column('text', { name: 'moderation_state', default: 'VISIBLE' })
  moderationState: ModerationState;
}
