import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AUDIENCES, type Audience } from '@commons/shared-contracts';
import { COURSE_STATES, type CourseState } from '../training-states';

/**
 * A training course run by the programme team. Its audiences say who may find and take it; the
 * optional target groups (a pilot cohort, a department, community managers) narrow the
 * catalogue further, while an assignment always lets its learner in.
 */
@Entity('training_courses')
@Index('training_courses_catalogue', ['sortTitle', 'id'])
export class CourseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  /** Lower-cased title: the catalogue's keyset sort key. */
  @Column('text', { name: 'sort_title' })
  sortTitle: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text', { name: 'description_html', default: '' })
  descriptionHtml: string;

  @Column({ type: 'enum', enum: AUDIENCES, enumName: 'audience', array: true })
  audiences: Audience[];

  @Column('uuid', { name: 'target_cohort_id', nullable: true })
  targetCohortId: string | null;

  @Column('text', { name: 'target_department', nullable: true })
  targetDepartment: string | null;

  @Column('boolean', { name: 'target_community_managers', default: false })
  targetCommunityManagers: boolean;

  @Column({ type: 'enum', enum: COURSE_STATES, enumName: 'training_course_state' })
  state: CourseState;

  /** Percent of the quiz to answer right to pass; null when the course has no quiz. */
  @Column('int', { name: 'pass_mark', nullable: true })
  passMark: number | null;

  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
