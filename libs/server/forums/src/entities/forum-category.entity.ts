import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A forum category of a community, ordered by `position`. */
@Entity('forum_categories')
@Index('forum_categories_slug_key', ['communityId', 'slug'], { unique: true })
@Index('forum_categories_order', ['communityId', 'position'])
export class ForumCategoryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  @Column('text', { default: '' })
  description: string;

  @Column('int')
  position: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
