import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { REACTION_KINDS, type ReactionKind } from '@commons/shared-contracts';

/** One reaction of one kind by one person on a thread or reply. */
@Entity('forum_reactions')
@Index('forum_reactions_account', ['accountId'])
export class ReactionEntity {
  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @PrimaryColumn({ type: 'enum', enum: REACTION_KINDS, enumName: 'reaction_kind' })
  kind: ReactionKind;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
