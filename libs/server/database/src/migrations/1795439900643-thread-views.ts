import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreadViews1795439900643 implements MigrationInterface {
  name = 'ThreadViews1795439900643';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "forum_thread_views" ("thread_id" uuid NOT NULL, "account_id" uuid NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_dcaed53fe976e0cc18bddf4ad21" PRIMARY KEY ("thread_id", "account_id", "day"))`);
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD "view_count" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP COLUMN "view_count"`);
    await queryRunner.query(`DROP TABLE "forum_thread_views"`);
  }
}
