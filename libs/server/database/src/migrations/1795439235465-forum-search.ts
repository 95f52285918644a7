import type { MigrationInterface, QueryRunner } from 'typeorm';

const THREAD_VECTOR = `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`;
const REPLY_VECTOR = `to_tsvector('english', body)`;

/**
 * Full-text search vectors maintained by PostgreSQL (generated columns) with GIN indexes.
 * TypeORM records generated-column expressions in its typeorm_metadata table (which it creates
 * itself before running migrations), keyed by the database's own name: rows use current_database().
 */
export class ForumSearch1795439235465 implements MigrationInterface {
  name = 'ForumSearch1795439235465';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD "search_vector" tsvector GENERATED ALWAYS AS (${THREAD_VECTOR}) STORED NOT NULL`);
    await queryRunner.query(`ALTER TABLE "forum_replies" ADD "search_vector" tsvector GENERATED ALWAYS AS (${REPLY_VECTOR}) STORED NOT NULL`);
    for (const [table, expression] of [['forum_threads', THREAD_VECTOR], ['forum_replies', REPLY_VECTOR]]) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', $1, 'GENERATED_COLUMN', 'search_vector', $2)`,
        [table, expression],
      );
    }
    await queryRunner.query(`CREATE INDEX "forum_threads_search" ON "forum_threads" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "forum_replies_search" ON "forum_replies" USING GIN ("search_vector")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."forum_replies_search"`);
    await queryRunner.query(`DROP INDEX "public"."forum_threads_search"`);
    await queryRunner.query(`ALTER TABLE "forum_replies" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP COLUMN "search_vector"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" IN ('forum_threads', 'forum_replies')`);
  }
}
