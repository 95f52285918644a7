import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who a post mentions (only people who may read it); the realtime domain notifies them. */
@Entity('content_mentions')
@Index('content_mentions_account', ['accountId', 'createdAt'])
export class MentionEntity {
  @PrimaryColumn('uuid', { name: 'content_id' })
  contentId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
