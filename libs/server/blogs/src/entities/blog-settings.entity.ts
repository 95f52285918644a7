import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BLOG_AUTHORS, BlogAuthors } from '@commons/shared-contracts';

/** A community's blog settings; a community without a row uses the defaults. */
@Entity('blog_settings')
export class BlogSettingsEntity {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId: string;

  @Column({ type: 'enum', enum: BLOG_AUTHORS, enumName: 'blog_authors', default: BlogAuthors.Managers })
  authors: BlogAuthors;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
