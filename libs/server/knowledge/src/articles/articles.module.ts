import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService, ModeratedContentRegistry } from '@commons/server-core';
import { CommunitiesModule } from '@commons/server-communities';
import { ForumsModule } from '@commons/server-forums';
import { articleRules } from './article-access';
import { ArticleFeedbackModeration } from './article-feedback-moderation';
import { ArticleFeedbackService } from './article-feedback.service';
import { ArticleRepository } from './article.repository';
import { ArticleScope } from './article-scope';
import { ArticleViews } from './article-views';
import { ArticleLoaders } from './articles.loader';
import { ArticlesResolver } from './articles.resolver';
import { ArticlesService } from './articles.service';
import { KnowledgeCollectionsResolver } from './knowledge-collections.resolver';
import { KnowledgeCollectionsService } from './knowledge-collections.service';
import { PromoteAcceptedAnswer } from './promote-accepted-answer';
import { ReviewDueReminder } from './review-due-reminder';
import { KnowledgeArticleEntity } from './entities/knowledge-article.entity';
import { KnowledgeArticleFeedbackEntity } from './entities/knowledge-article-feedback.entity';
import { KnowledgeArticleVersionEntity } from './entities/knowledge-article-version.entity';
import { KnowledgeArticleViewEntity } from './entities/knowledge-article-view.entity';
import { KnowledgeCollectionEntity } from './entities/knowledge-collection.entity';

export const articleEntities = [KnowledgeCollectionEntity, KnowledgeArticleEntity, KnowledgeArticleVersionEntity, KnowledgeArticleFeedbackEntity, KnowledgeArticleViewEntity];

/** Center of Excellence: knowledge articles in collections, with versions, reviews, feedback and views. */
@Module({
  imports: [TypeOrmModule.forFeature(articleEntities), CommunitiesModule, ForumsModule],
  providers: [
    ArticleScope,
    ArticleRepository,
    ArticlesService,
    ArticleFeedbackService,
    ArticleFeedbackModeration,
    PromoteAcceptedAnswer,
    KnowledgeCollectionsService,
    ArticleLoaders,
    ArticleViews,
    ReviewDueReminder,
    ArticlesResolver,
    KnowledgeCollectionsResolver,
  ],
  exports: [ArticlesService, ArticleViews, ReviewDueReminder],
})
export class ArticlesModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly moderated: ModeratedContentRegistry,
    private readonly feedbackModeration: ArticleFeedbackModeration,
  ) {}

  onModuleInit(): void {
    this.authorization.registerRules(articleRules);
    this.moderated.register(this.feedbackModeration.source);
  }
}
