import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';

/** One declared expertise tag of one person, normalized like forum tags, in the order they listed it. */
@Entity('expertise_tags')
// A text_pattern_ops index (written in the migration) serves "tags starting with" searches.
@Index('expertise_tags_tag', { synchronize: false })
export class ExpertiseTagEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @PrimaryColumn('text')
  tag: string;

  @Column('smallint')
  position: number;
}
