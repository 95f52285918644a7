import { CourseEntity } from './entities/course.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { LessonProgressEntity } from './entities/lesson-progress.entity';
import { LessonEntity } from './entities/lesson.entity';
import { QuizAttemptEntity } from './entities/quiz-attempt.entity';
import { QuizQuestionEntity } from './entities/quiz-question.entity';

export const trainingEntities = [CourseEntity, LessonEntity, QuizQuestionEntity, EnrolmentEntity, LessonProgressEntity, QuizAttemptEntity];
