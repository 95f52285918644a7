import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@commons/server-core';
import { CommunitiesModule } from '@commons/server-communities';
import { CourseDueReminders } from './course-due-reminders';
import { trainingRules } from './training-access';
import { trainingEntities } from './training-entities';
import { TrainingLoaders } from './training.loader';
import { TrainingRepository } from './training.repository';
import { CoursesResolver, LearningResolver } from './training.resolver';
import { TrainingReports } from './training-reports.service';
import { TrainingService } from './training.service';

/** Center of Excellence: training courses, enrolment and assignments, progress, quizzes, completion and its reports. */
@Module({
  imports: [TypeOrmModule.forFeature(trainingEntities), CommunitiesModule],
  providers: [TrainingRepository, TrainingLoaders, TrainingService, TrainingReports, CourseDueReminders, CoursesResolver, LearningResolver],
  exports: [TrainingService, CourseDueReminders],
})
export class TrainingModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.registerRules(trainingRules);
  }
}
