import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EnrolmentEntity } from './enrolment.entity';

/** A lesson an enrolled learner marked done, and when. */
@Entity('training_lesson_progress')
export class LessonProgressEntity {
  @PrimaryColumn('uuid', { name: 'enrolment_id' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: EnrolmentEntity;

  @PrimaryColumn('uuid', { name: 'lesson_id' })
  lessonId: string;

  @Column('timestamptz', { name: 'completed_at' })
  completedAt: Date;
}
