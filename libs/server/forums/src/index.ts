export { ForumsModule, forumEntities } from './forums.module';
export { ForumAction } from './forum-access';
export { ThreadsService } from './threads.service';
