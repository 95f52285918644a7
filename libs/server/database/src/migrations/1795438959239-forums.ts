import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Forums1795438959239 implements MigrationInterface {
  name = 'Forums1795438959239';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."follow_target" AS ENUM('THREAD', 'CATEGORY', 'TAG')`);
    await queryRunner.query(`CREATE TABLE "forum_follows" ("account_id" uuid NOT NULL, "target_kind" "public"."follow_target" NOT NULL, "target_key" text NOT NULL, "community_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_566392f52b7faa38a12b8d8ef1b" PRIMARY KEY ("account_id", "target_kind", "target_key"))`);
    await queryRunner.query(`CREATE INDEX "forum_follows_target" ON "forum_follows" ("target_kind", "target_key") `);
    await queryRunner.query(`CREATE TABLE "forum_categories" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "name" text NOT NULL, "slug" text NOT NULL, "description" text NOT NULL DEFAULT '', "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_502afa07fc57ce4b302dc00217e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "forum_categories_order" ON "forum_categories" ("community_id", "position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "forum_categories_slug_key" ON "forum_categories" ("community_id", "slug") `);
    await queryRunner.query(`CREATE TYPE "public"."reaction_kind" AS ENUM('LIKE', 'HELPFUL', 'INSIGHTFUL', 'CELEBRATE')`);
    await queryRunner.query(`CREATE TABLE "forum_reactions" ("target_id" uuid NOT NULL, "account_id" uuid NOT NULL, "kind" "public"."reaction_kind" NOT NULL, "community_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b09b5f6553b874f7791c91de167" PRIMARY KEY ("target_id", "account_id", "kind"))`);
    await queryRunner.query(`CREATE INDEX "forum_reactions_account" ON "forum_reactions" ("account_id") `);
    await queryRunner.query(`CREATE TYPE "public"."thread_kind" AS ENUM('DISCUSSION', 'QUESTION')`);
    await queryRunner.query(`CREATE TABLE "forum_threads" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "category_id" uuid NOT NULL, "author_id" uuid NOT NULL, "kind" "public"."thread_kind" NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "locked_at" TIMESTAMP WITH TIME ZONE, "pinned_at" TIMESTAMP WITH TIME ZONE, "duplicate_of_id" uuid, "reply_count" integer NOT NULL DEFAULT '0', "first_response_at" TIMESTAMP WITH TIME ZONE, "accepted_reply_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_38ce39ab347624dee46e0d11e95" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "forum_threads_category_activity" ON "forum_threads" ("category_id", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "forum_threads_community_activity" ON "forum_threads" ("community_id", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE TABLE "forum_replies" ("id" uuid NOT NULL, "thread_id" uuid NOT NULL, "community_id" uuid NOT NULL, "author_id" uuid NOT NULL, "reply_to_id" uuid, "body" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5ae886513e9828a592aefa1b7b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "forum_replies_author" ON "forum_replies" ("author_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "forum_replies_thread_order" ON "forum_replies" ("thread_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "forum_post_revisions" ("id" uuid NOT NULL, "target_id" uuid NOT NULL, "version" integer NOT NULL, "title" text, "body" text NOT NULL, "edited_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_324fe7c4ef9fae3c35f6824aff9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "forum_post_revisions_target" ON "forum_post_revisions" ("target_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD CONSTRAINT "FK_5099ddd3090752a2c3b5491e31f" FOREIGN KEY ("category_id") REFERENCES "forum_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "forum_replies" ADD CONSTRAINT "FK_6cd45ccf838f58873a3ab024f37" FOREIGN KEY ("thread_id") REFERENCES "forum_threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Tag pages look threads up by tag.
    await queryRunner.query(`CREATE INDEX "forum_threads_tags" ON "forum_threads" USING GIN ("tags")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_threads_tags"`);
    await queryRunner.query(`ALTER TABLE "forum_replies" DROP CONSTRAINT "FK_6cd45ccf838f58873a3ab024f37"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP CONSTRAINT "FK_5099ddd3090752a2c3b5491e31f"`);
    await queryRunner.query(`DROP INDEX "public"."forum_post_revisions_target"`);
    await queryRunner.query(`DROP TABLE "forum_post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."forum_replies_thread_order"`);
    await queryRunner.query(`DROP INDEX "public"."forum_replies_author"`);
    await queryRunner.query(`DROP TABLE "forum_replies"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_community_activity"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_category_activity"`);
    await queryRunner.query(`DROP TABLE "forum_threads"`);
    await queryRunner.query(`DROP TYPE "public"."thread_kind"`);
    await queryRunner.query(`DROP INDEX "public"."forum_reactions_account"`);
    await queryRunner.query(`DROP TABLE "forum_reactions"`);
    await queryRunner.query(`DROP TYPE "public"."reaction_kind"`);
    await queryRunner.query(`DROP INDEX "public"."forum_categories_slug_key"`);
    await queryRunner.query(`DROP INDEX "public"."forum_categories_order"`);
    await queryRunner.query(`DROP TABLE "forum_categories"`);
    await queryRunner.query(`DROP INDEX "public"."forum_follows_target"`);
    await queryRunner.query(`DROP TABLE "forum_follows"`);
    await queryRunner.query(`DROP TYPE "public"."follow_target"`);
  }
}
