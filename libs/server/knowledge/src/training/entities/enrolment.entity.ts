import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '@commons/server-identity';
import { CourseEntity } from './course.entity';

/**
 * One account taking one course, self-enrolled or assigned (then with who assigned it, when,
 * through which community and by when). Its times are what the metrics correlate with
 * participation: enrolled, assigned, completed.
 */
@Entity('training_enrolments')
@Index('training_enrolments_course_account', ['courseId', 'accountId'], { unique: true })
@Index('training_enrolments_account', ['accountId', 'enrolledAt', 'id'])
@Index('training_enrolments_due', ['dueAt', 'id'], { where: 'completed_at IS NULL AND due_at IS NOT NULL' })
export class EnrolmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'course_id' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('timestamptz', { name: 'enrolled_at' })
  enrolledAt: Date;

  @Column('uuid', { name: 'assigned_by_id', nullable: true })
  assignedById: string | null;

  @Column('timestamptz', { name: 'assigned_at', nullable: true })
  assignedAt: Date | null;

  /** The community whose manager assigned it (null when the programme team did). */
  @Column('uuid', { name: 'assigned_community_id', nullable: true })
  assignedCommunityId: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** When its due-soon reminder was recorded; cleared when the due date changes. */
  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
