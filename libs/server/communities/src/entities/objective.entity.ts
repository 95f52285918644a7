import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { METRIC_KEYS, OBJECTIVE_DIRECTIONS, type MetricKey, type ObjectiveDirection } from '@commons/shared-contracts';
import { AccountEntity } from '@commons/server-identity';
import { CommunityEntity } from './community.entity';

/** A measurable target for a community; the metrics domain reads these rows to report progress. */
@Entity('community_objectives')
@Index('community_objectives_community', ['communityId', 'dueDate'])
export class ObjectiveEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'community_id' })
  communityId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @Column({ type: 'enum', enum: METRIC_KEYS, enumName: 'metric_key', name: 'metric_key' })
  metricKey: MetricKey;

  @Column('text', { default: '' })
  title: string;

  @Column('double precision')
  baseline: number;

  @Column('double precision')
  target: number;

  @Column({ type: 'enum', enum: OBJECTIVE_DIRECTIONS, enumName: 'objective_direction' })
  direction: ObjectiveDirection;

  /** A calendar date (YYYY-MM-DD). */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: AccountEntity;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
