export { ForumsModule, forumEntities } from './forums.module';
export { ForumAction } from './forum-access';
export { ThreadsService } from './threads.service';
export { PostAuthorType, ReactionCountType } from './dto/forum.types';
export { ForumContent } from './forum-content';
export { ReactionTargets, reactionSummarySql } from './reaction-targets';
export { ForumRepository } from './forum.repository';
export { ThreadViews } from './thread-views';
export { ThreadActivity } from './thread-activity';
