import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';
import { CohortEntity } from './cohort.entity';

@Entity('cohort_members')
@Index('cohort_members_account', ['accountId'])
export class CohortMemberEntity {
  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('timestamptz', { name: 'added_at' })
  addedAt: Date;
}
