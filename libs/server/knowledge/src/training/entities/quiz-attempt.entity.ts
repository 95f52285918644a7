import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EnrolmentEntity } from './enrolment.entity';

/** One submitted quiz: the choices picked per question, the score in percent, and whether it reached the pass mark. */
@Entity('training_quiz_attempts')
@Index('training_quiz_attempts_enrolment', ['enrolmentId', 'submittedAt'])
export class QuizAttemptEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'enrolment_id' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: EnrolmentEntity;

  @Column('jsonb')
  answers: Array<{ questionId: string; choiceIds: string[] }>;

  @Column('int')
  score: number;

  @Column('boolean')
  passed: boolean;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
