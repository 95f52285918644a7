import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A named group of accounts (e.g. "Wave 1 early adopters") attached to communities in pilot.
 * Kept after the pilot, so the steering committee can compare the cohort with everyone else.
 */
@Entity('cohorts')
@Index('cohorts_order', ['sortName', 'id'])
export class CohortEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'sort_name' })
  sortName: string;

  @Column('text', { default: '' })
  description: string;

  @Index('cohorts_created_by')
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
