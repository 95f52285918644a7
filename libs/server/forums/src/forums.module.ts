import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService, ModeratedContentRegistry } from '@commons/server-core';
import { ForumModerationSources } from './forum-moderation-sources';
import { CommunitiesModule } from '@commons/server-communities';
import { EngagementService } from './engagement.service';
import { forumRules } from './forum-access';
import { ForumCategoriesService } from './forum-categories.service';
import { ForumContent } from './forum-content';
import { ThreadActivity } from './thread-activity';
import { ThreadActivityResolver } from './thread-activity.resolver';
import { ThreadPresence } from './thread-presence';
import { ThreadPresenceResolver } from './thread-presence.resolver';
import { ForumRepository } from './forum.repository';
import { ForumsResolver, RepliesResolver } from './forums.resolver';
import { ThreadsService } from './threads.service';
import { ReactionTargets } from './reaction-targets';
import { ThreadViews } from './thread-views';
import { Mentions } from './mentions';
import { MentionEntity } from './entities/mention.entity';
import { ThreadViewEntity } from './entities/thread-view.entity';
import { FollowEntity } from './entities/follow.entity';
import { ForumCategoryEntity } from './entities/forum-category.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { ReactionEntity } from './entities/reaction.entity';
import { ReplyEntity } from './entities/reply.entity';
import { ThreadEntity } from './entities/thread.entity';

export const forumEntities = [ForumCategoryEntity, ThreadEntity, ReplyEntity, PostRevisionEntity, ReactionEntity, FollowEntity, ThreadViewEntity, MentionEntity];

/** Community forums: categories, threads and replies, accepted answers, reactions and follows. */
@Module({
  imports: [TypeOrmModule.forFeature(forumEntities), CommunitiesModule],
  providers: [ForumModerationSources, Mentions, ThreadViews, ReactionTargets, ForumRepository, ForumContent, ForumCategoriesService, ThreadsService, EngagementService, ForumsResolver, RepliesResolver, ThreadActivity, ThreadActivityResolver, ThreadPresence, ThreadPresenceResolver],
  exports: [ThreadViews, ThreadsService, EngagementService, ForumContent, ReactionTargets, ForumRepository],
})
export class ForumsModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly moderated: ModeratedContentRegistry,
    private readonly sources: ForumModerationSources,
  ) {}

  onModuleInit(): void {
    this.authorization.registerRules(forumRules);
    this.moderated.register(this.sources.threads);
    this.moderated.register(this.sources.replies);
  }
}
