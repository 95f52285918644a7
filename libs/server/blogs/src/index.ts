export { BlogsModule, blogEntities } from './blogs.module';
export { BlogsService } from './blogs.service';
export { BlogAction } from './blog-access';
export { ScheduledPostAnnouncer } from './scheduled-post-announcer';
