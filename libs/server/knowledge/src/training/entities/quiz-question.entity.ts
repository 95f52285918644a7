import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CourseEntity } from './course.entity';

/** A choice of a multiple-choice question; `id` is stable across edits so attempts stay readable. */
export interface QuizChoice {
  id: string;
  text: string;
  correct: boolean;
}

/** A multiple-choice question of a course's quiz: one or more of its choices are correct. */
@Entity('training_quiz_questions')
@Index('training_quiz_questions_course', ['courseId', 'position'])
export class QuizQuestionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'course_id' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column('int')
  position: number;

  @Column('text')
  prompt: string;

  @Column('jsonb')
  choices: QuizChoice[];
}
