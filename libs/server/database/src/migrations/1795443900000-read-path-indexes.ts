import type { MigrationInterface, QueryRunner } from 'typeorm';

const PINNED_FIRST = `((pinned_at IS NOT NULL)::int)`;

/**
 * Indexes for the two read paths that must stay fast at a million posts:
 * - thread lists sort pinned threads first, then by latest activity: with the pinned flag in
 *   the index (an expression), a page is read in order instead of sorting the whole community;
 * - search ranks the most recent matches of a common word, found by walking creation time
 *   backwards, instead of ranking every match.
 */
export class ReadPathIndexes1795443900000 implements MigrationInterface {
  name = 'ReadPathIndexes1795443900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_threads_community_activity"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_category_activity"`);
    await queryRunner.query(`CREATE INDEX "forum_threads_community_activity" ON "forum_threads" ("community_id", ${PINNED_FIRST}, "last_activity_at", "id")`);
    await queryRunner.query(`CREATE INDEX "forum_threads_category_activity" ON "forum_threads" ("category_id", ${PINNED_FIRST}, "last_activity_at", "id")`);
    await queryRunner.query(`CREATE INDEX "forum_threads_created" ON "forum_threads" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "forum_replies_created" ON "forum_replies" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_replies_created"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_created"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_community_activity"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_category_activity"`);
    await queryRunner.query(`CREATE INDEX "forum_threads_community_activity" ON "forum_threads" ("community_id", "last_activity_at", "id")`);
    await queryRunner.query(`CREATE INDEX "forum_threads_category_activity" ON "forum_threads" ("category_id", "last_activity_at", "id")`);
  }
}
