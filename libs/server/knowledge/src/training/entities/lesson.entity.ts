import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CourseEntity } from './course.entity';

/** One step of a course, in `position` order. Article ids are kept loosely: articles may be archived or removed. */
@Entity('training_lessons')
@Index('training_lessons_course', ['courseId', 'position'])
export class LessonEntity {
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
  title: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('uuid', { name: 'article_ids', array: true, default: '{}' })
  articleIds: string[];

  @Column('text', { name: 'video_url', nullable: true })
  videoUrl: string | null;
}
