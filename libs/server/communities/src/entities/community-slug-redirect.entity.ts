import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CommunityEntity } from './community.entity';

/** A slug a community used to have: links to it keep working after a rename. */
@Entity('community_slug_redirects')
export class CommunitySlugRedirectEntity {
  @PrimaryColumn('text')
  slug: string;

  @Index('community_slug_redirects_community')
  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
