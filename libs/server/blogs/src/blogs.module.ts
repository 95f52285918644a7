import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService, ModeratedContentRegistry } from '@commons/server-core';
import { BlogModerationSources } from './blog-moderation-sources';
import { CommunitiesModule } from '@commons/server-communities';
import { ForumsModule, ReactionTargets } from '@commons/server-forums';
import { blogRules } from './blog-access';
import { BlogRepository } from './blog.repository';
import { BlogsResolver } from './blogs.resolver';
import { ScheduledPostAnnouncer } from './scheduled-post-announcer';
import { BlogsService } from './blogs.service';
import { BlogCommentEntity } from './entities/blog-comment.entity';
import { BlogPostEntity } from './entities/blog-post.entity';
import { BlogSettingsEntity } from './entities/blog-settings.entity';

export const blogEntities = [BlogSettingsEntity, BlogPostEntity, BlogCommentEntity];

/** Community blogs: posts with drafts and scheduling, comments, the organisation-wide feed. */
@Module({
  imports: [TypeOrmModule.forFeature(blogEntities), CommunitiesModule, ForumsModule],
  providers: [BlogModerationSources, BlogRepository, BlogsService, BlogsResolver, ScheduledPostAnnouncer],
  exports: [BlogsService],
})
export class BlogsModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly reactionTargets: ReactionTargets,
    private readonly moderated: ModeratedContentRegistry,
    private readonly sources: BlogModerationSources,
  ) {}

  onModuleInit(): void {
    this.authorization.registerRules(blogRules);
    this.moderated.register(this.sources.posts);
    this.moderated.register(this.sources.comments);
    // Published posts and comments take reactions like forum posts.
    this.reactionTargets.register(async (manager, id) => {
      const rows: Array<{ id: string; community_id: string; author_id: string; subject_id: string; deleted: boolean }> = await manager.query(
        `SELECT id, community_id, author_id, id AS subject_id, state <> 'PUBLISHED' AS deleted FROM blog_posts WHERE id = $1
         UNION ALL SELECT id, community_id, author_id, post_id, deleted_at IS NOT NULL FROM blog_comments WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { id: row.id, communityId: row.community_id, authorId: row.author_id, subjectId: row.subject_id, deleted: row.deleted } : null;
    });
  }
}
