import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';

/** The short note a person adds to their declared expertise; the tags live in expertise_tags. */
@Entity('expertise_profiles')
export class ExpertiseProfileEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
