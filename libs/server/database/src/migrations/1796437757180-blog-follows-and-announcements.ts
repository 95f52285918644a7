import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlogFollowsAndAnnouncements1796437757180 implements MigrationInterface {
  name = 'BlogFollowsAndAnnouncements1796437757180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blog_posts" ADD "announced_at" TIMESTAMP WITH TIME ZONE`);
    // Posts already in front of readers were announced when they were published; scheduled ones wait for their time.
    await queryRunner.query(`UPDATE "blog_posts" SET "announced_at" = "published_at" WHERE "state" = 'PUBLISHED' AND "published_at" <= now()`);
    await queryRunner.query(`DROP INDEX "public"."forum_follows_target"`);
    await queryRunner.query(`ALTER TYPE "public"."follow_target" RENAME TO "follow_target_old"`);
    await queryRunner.query(`CREATE TYPE "public"."follow_target" AS ENUM('THREAD', 'CATEGORY', 'TAG', 'BLOG')`);
    await queryRunner.query(`ALTER TABLE "forum_follows" ALTER COLUMN "target_kind" TYPE "public"."follow_target" USING "target_kind"::"text"::"public"."follow_target"`);
    await queryRunner.query(`DROP TYPE "public"."follow_target_old"`);
    await queryRunner.query(`CREATE INDEX "forum_follows_target" ON "forum_follows" ("target_kind", "target_key") `);
    await queryRunner.query(`CREATE INDEX "blog_posts_unannounced" ON "blog_posts" ("published_at") WHERE announced_at IS NULL AND state = 'PUBLISHED' AND moderation_state = 'VISIBLE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."blog_posts_unannounced"`);
    await queryRunner.query(`DELETE FROM "forum_follows" WHERE "target_kind" = 'BLOG'`);
    await queryRunner.query(`DROP INDEX "public"."forum_follows_target"`);
    await queryRunner.query(`CREATE TYPE "public"."follow_target_old" AS ENUM('THREAD', 'CATEGORY', 'TAG')`);
    await queryRunner.query(`ALTER TABLE "forum_follows" ALTER COLUMN "target_kind" TYPE "public"."follow_target_old" USING "target_kind"::"text"::"public"."follow_target_old"`);
    await queryRunner.query(`DROP TYPE "public"."follow_target"`);
    await queryRunner.query(`ALTER TYPE "public"."follow_target_old" RENAME TO "follow_target"`);
    await queryRunner.query(`CREATE INDEX "forum_follows_target" ON "forum_follows" ("target_kind", "target_key") `);
    await queryRunner.query(`ALTER TABLE "blog_posts" DROP COLUMN "announced_at"`);
  }
}
