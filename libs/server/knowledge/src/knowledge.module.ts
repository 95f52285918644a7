import { Module } from '@nestjs/common';
import { ArticlesModule } from './articles/articles.module';
import { ExpertsModule } from './experts/experts.module';
import { GuidelinesModule } from './guidelines/guidelines.module';
import { TrainingModule } from './training/training.module';

/**
 * The Center of Excellence: knowledge articles and playbooks, guidelines and their
 * acknowledgements, training courses and completions, experts and champions. Each part is its
 * own module with its own tables; they meet in the COE platform role and the knowledge events.
 */
@Module({ imports: [ArticlesModule, GuidelinesModule, TrainingModule, ExpertsModule], exports: [ArticlesModule, TrainingModule, ExpertsModule] })
export class KnowledgeModule {}
