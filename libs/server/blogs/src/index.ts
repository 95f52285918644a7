export { BlogsModule, blogEntities } from './blogs.module';
export { BlogsService } from './blogs.service';
export { BlogAction } from './blog-access';
