import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A folder of the knowledge base: platform-wide (no community) or in one community; nested through `parent_id`. */
@Entity('knowledge_collections')
@Index('knowledge_collections_parent', ['communityId', 'parentId', 'position', 'id'])
export class KnowledgeCollectionEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Null: platform-wide, run by the programme team. */
  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  /** Order among its siblings, smallest first. */
  @Column('int', { default: 0 })
  position: number;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
