import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Blogs1795439700172 implements MigrationInterface {
  name = 'Blogs1795439700172';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."blog_post_state" AS ENUM('DRAFT', 'PUBLISHED', 'UNPUBLISHED')`);
    await queryRunner.query(`INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`, [await queryRunner.getCurrentDatabase(), "public", "blog_posts", "GENERATED_COLUMN", "search_vector", "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', excerpt), 'B') || setweight(to_tsvector('english', body), 'C')"]);
    await queryRunner.query(`CREATE TABLE "blog_posts" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "author_id" uuid NOT NULL, "co_author_ids" uuid array NOT NULL DEFAULT '{}', "slug" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "excerpt" text NOT NULL DEFAULT '', "cover_image_url" text, "tags" text array NOT NULL DEFAULT '{}', "state" "public"."blog_post_state" NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "comment_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', excerpt), 'B') || setweight(to_tsvector('english', body), 'C')) STORED NOT NULL, CONSTRAINT "PK_dd2add25eac93daefc93da9d387" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "blog_posts_author" ON "blog_posts" ("author_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "blog_posts_feed" ON "blog_posts" ("state", "published_at", "id") `);
    await queryRunner.query(`CREATE INDEX "blog_posts_community_published" ON "blog_posts" ("community_id", "state", "published_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "blog_posts_slug_key" ON "blog_posts" ("community_id", "slug") `);
    await queryRunner.query(`CREATE TABLE "blog_comments" ("id" uuid NOT NULL, "post_id" uuid NOT NULL, "community_id" uuid NOT NULL, "parent_id" uuid, "author_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b478aaeecf38441a25739aa9610" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "blog_comments_post_order" ON "blog_comments" ("post_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."blog_authors" AS ENUM('MANAGERS', 'MEMBERS')`);
    await queryRunner.query(`CREATE TABLE "blog_settings" ("community_id" uuid NOT NULL, "authors" "public"."blog_authors" NOT NULL DEFAULT 'MANAGERS', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_363b6b2e7f10311ab503aae25f8" PRIMARY KEY ("community_id"))`);
    await queryRunner.query(`ALTER TABLE "blog_comments" ADD CONSTRAINT "FK_4e0b8959256b08ceb3d001f616b" FOREIGN KEY ("post_id") REFERENCES "blog_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Search over posts.
    await queryRunner.query(`CREATE INDEX "blog_posts_search" ON "blog_posts" USING GIN ("search_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."blog_posts_search"`);
    await queryRunner.query(`ALTER TABLE "blog_comments" DROP CONSTRAINT "FK_4e0b8959256b08ceb3d001f616b"`);
    await queryRunner.query(`DROP TABLE "blog_settings"`);
    await queryRunner.query(`DROP TYPE "public"."blog_authors"`);
    await queryRunner.query(`DROP INDEX "public"."blog_comments_post_order"`);
    await queryRunner.query(`DROP TABLE "blog_comments"`);
    await queryRunner.query(`DROP INDEX "public"."blog_posts_slug_key"`);
    await queryRunner.query(`DROP INDEX "public"."blog_posts_community_published"`);
    await queryRunner.query(`DROP INDEX "public"."blog_posts_feed"`);
    await queryRunner.query(`DROP INDEX "public"."blog_posts_author"`);
    await queryRunner.query(`DROP TABLE "blog_posts"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`, ["GENERATED_COLUMN", "search_vector", await queryRunner.getCurrentDatabase(), "public", "blog_posts"]);
    await queryRunner.query(`DROP TYPE "public"."blog_post_state"`);
  }
}
