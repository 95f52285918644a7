import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';

/**
 * A programme ambassador named by the CoE, for one department or one community (exactly one
 * of the two), from a start until an optional end. Ended roles stay as the directory's history.
 */
@Entity('champions')
@Check('champions_one_scope', `("community_id" IS NULL) <> ("department" IS NULL)`)
@Index('champions_account', ['accountId'])
@Index('champions_community', ['communityId'])
@Index('champions_department', ['department'])
export class ChampionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId: string | null;

  /** As people's profiles spell it; matched without regard to case. */
  @Column('text', { nullable: true })
  department: string | null;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @Column('uuid', { name: 'named_by_id' })
  namedById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
