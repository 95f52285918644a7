import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainEvents, PeriodicJob } from '@commons/server-core';
import { postPublished } from './blog-events';
import { BlogPostEntity } from './entities/blog-post.entity';

/** How often scheduled posts whose time has come are looked for. */
const EVERY_MS = 30_000;
/** Posts announced per run; the rest on the next. */
const BATCH = 200;

/**
 * Tells readers of scheduled posts when their time comes: a post scheduled for later is visible
 * from `published_at` on without any job, but its followers, the community's live lists and
 * notifications hear of it only through its published event, recorded here. Each post is
 * claimed by one UPDATE, so with several API instances it is announced once.
 */
@Injectable()
export class ScheduledPostAnnouncer extends PeriodicJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {
    super('Announcing scheduled posts', EVERY_MS);
  }

  /** Announces the posts whose time has come; returns how many. */
  announceDue(): Promise<number> {
    return this.runNow();
  }

  protected work(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // As a SELECT over the UPDATE, so the driver answers with the rows themselves.
      const ids: Array<{ id: string }> = await manager.query(
        `WITH claimed AS (
           UPDATE blog_posts SET announced_at = now()
            WHERE id IN (SELECT id FROM blog_posts
                          WHERE announced_at IS NULL AND state = 'PUBLISHED' AND moderation_state = 'VISIBLE' AND published_at <= now()
                          ORDER BY published_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM claimed`,
      );
      if (ids.length === 0) return 0;
      const posts = await manager.find(BlogPostEntity, { where: { id: In(ids.map((r) => r.id)) } });
      await this.events.record(manager, ...posts.map((post) => postPublished(post)));
      return posts.length;
    });
  }
}
