import type { ModerationState } from '@commons/shared-contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BlogPostEntity } from './blog-post.entity';

/** A comment on a post, or a reply to a top-level comment (one level deep). */
@Entity('blog_comments')
@Index('blog_comments_post_order', ['postId', 'createdAt', 'id'])
export class BlogCommentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'post_id' })
  postId: string;

  @ManyToOne(() => BlogPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: BlogPostEntity;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

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

  /** VISIBLE, or seen only by its author and moderators while HELD, HIDDEN by flags, or REJECTED on review. */
  @Column('text', { name: 'moderation_state', default: 'VISIBLE' })
  moderationState: ModerationState;
}
