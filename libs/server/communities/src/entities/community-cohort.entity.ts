import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { CommunityEntity } from './community.entity';

/** A cohort attached to a community: while the community is in pilot, its members may take part. */
@Entity('community_cohorts')
@Index('community_cohorts_cohort', ['cohortId'])
export class CommunityCohortEntity {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId: string;

  @PrimaryColumn('uuid', { name: 'cohort_id' })
  cohortId: string;

  @ManyToOne(() => CommunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Column('timestamptz', { name: 'attached_at' })
  attachedAt: Date;
}
