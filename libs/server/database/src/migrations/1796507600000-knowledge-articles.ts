import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARTICLE_VECTOR = `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`;

/** Knowledge articles in collections, their published versions, helpful feedback and views; articles searchable by a generated vector with a GIN index. */
export class KnowledgeArticles1796507600000 implements MigrationInterface {
  name = 'KnowledgeArticles1796507600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(`CREATE TABLE "knowledge_collections" ("id" uuid NOT NULL, "community_id" uuid, "parent_id" uuid, "position" integer NOT NULL DEFAULT '0', "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_collections" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "knowledge_collections_parent" ON "knowledge_collections" ("community_id", "parent_id", "position", "id") `);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [await queryRunner.getCurrentDatabase(), 'public', 'knowledge_articles', 'GENERATED_COLUMN', 'search_vector', ARTICLE_VECTOR],
    );
    await queryRunner.query(`CREATE TABLE "knowledge_articles" ("id" uuid NOT NULL, "community_id" uuid, "collection_id" uuid, "kind" text NOT NULL, "state" text NOT NULL, "shared_externally" boolean NOT NULL DEFAULT false, "owner_ids" uuid array NOT NULL DEFAULT '{}', "reviewer_ids" uuid array NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "title" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "body_html" text NOT NULL DEFAULT '', "published_version" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "draft_title" text NOT NULL, "draft_body" text NOT NULL, "draft_body_html" text NOT NULL, "revision" integer NOT NULL DEFAULT '1', "approved_revision" integer, "approved_by" uuid, "review_comment" text, "review_period_days" integer NOT NULL DEFAULT '180', "last_reviewed_at" TIMESTAMP WITH TIME ZONE, "review_due_at" TIMESTAMP WITH TIME ZONE, "review_reminded_for" TIMESTAMP WITH TIME ZONE, "source_thread_id" uuid, "helpful_count" integer NOT NULL DEFAULT '0', "not_helpful_count" integer NOT NULL DEFAULT '0', "view_count" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "search_vector" tsvector GENERATED ALWAYS AS (${ARTICLE_VECTOR}) STORED NOT NULL, CONSTRAINT "PK_knowledge_articles" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "knowledge_articles_scope_updated" ON "knowledge_articles" ("community_id", "updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "knowledge_articles_collection" ON "knowledge_articles" ("collection_id", "updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "knowledge_articles_review_due" ON "knowledge_articles" ("review_due_at") WHERE state <> 'ARCHIVED' AND published_version > 0`);
    await queryRunner.query(`CREATE INDEX "knowledge_articles_search" ON "knowledge_articles" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE TABLE "knowledge_article_versions" ("id" uuid NOT NULL, "article_id" uuid NOT NULL, "number" integer NOT NULL, "author_id" uuid NOT NULL, "change_note" text NOT NULL DEFAULT '', "title" text NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_article_versions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "knowledge_article_versions_number" ON "knowledge_article_versions" ("article_id", "number") `);
    await queryRunner.query(`CREATE TABLE "knowledge_article_feedback" ("id" uuid NOT NULL, "article_id" uuid NOT NULL, "account_id" uuid NOT NULL, "helpful" boolean NOT NULL, "comment" text, "comment_html" text, "moderation_state" text NOT NULL DEFAULT 'VISIBLE', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_knowledge_article_feedback" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "knowledge_article_feedback_person" ON "knowledge_article_feedback" ("article_id", "account_id") `);
    await queryRunner.query(`CREATE INDEX "knowledge_article_feedback_recent" ON "knowledge_article_feedback" ("article_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "knowledge_article_views" ("article_id" uuid NOT NULL, "account_id" uuid NOT NULL, "day" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_knowledge_article_views" PRIMARY KEY ("article_id", "account_id", "day"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "knowledge_article_views"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_article_feedback_recent"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_article_feedback_person"`);
    await queryRunner.query(`DROP TABLE "knowledge_article_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_article_versions_number"`);
    await queryRunner.query(`DROP TABLE "knowledge_article_versions"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_articles_search"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_articles_review_due"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_articles_collection"`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_articles_scope_updated"`);
    await queryRunner.query(`DROP TABLE "knowledge_articles"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = 'knowledge_articles'`);
    await queryRunner.query(`DROP INDEX "public"."knowledge_collections_parent"`);
    await queryRunner.query(`DROP TABLE "knowledge_collections"`);
  }
}
