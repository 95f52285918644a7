import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Mentions1795440001684 implements MigrationInterface {
  name = 'Mentions1795440001684';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "content_mentions" ("content_id" uuid NOT NULL, "account_id" uuid NOT NULL, "community_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_aa0e4b520b2f845f86bf3c5bbd6" PRIMARY KEY ("content_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "content_mentions_account" ON "content_mentions" ("account_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."content_mentions_account"`);
    await queryRunner.query(`DROP TABLE "content_mentions"`);
  }
}
