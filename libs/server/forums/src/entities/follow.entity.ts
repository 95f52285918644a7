import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const FollowTarget = { Thread: 'THREAD', Category: 'CATEGORY', Tag: 'TAG', Blog: 'BLOG' } as const;
export type FollowTarget = (typeof FollowTarget)[keyof typeof FollowTarget];

/** Who follows what; the realtime domain notifies followers. Tags are followed per community. */
@Entity('forum_follows')
@Index('forum_follows_target', ['targetKind', 'targetKey'])
export class FollowEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @PrimaryColumn({ type: 'enum', enum: Object.values(FollowTarget), enumName: 'follow_target', name: 'target_kind' })
  targetKind: FollowTarget;

  /** A thread or category id, a community id (its blog), or `<communityId>:<tag>`. */
  @PrimaryColumn('text', { name: 'target_key' })
  targetKey: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
