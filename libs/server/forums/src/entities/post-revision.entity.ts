import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a thread or reply said before an edit. Moderators read the history; nothing rewrites it. */
@Entity('forum_post_revisions')
@Index('forum_post_revisions_target', ['targetId', 'createdAt'])
export class PostRevisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** A thread or reply id. */
  @Column('uuid', { name: 'target_id' })
  targetId: string;

  @Column('int')
  version: number;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'edited_by_id' })
  editedById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
