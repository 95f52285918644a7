import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Links to the platform's own content per scored post: the cross-links (advocacy) metric. */
export class CrossLinks1796600500000 implements MigrationInterface {
  name = 'CrossLinks1796600500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listening_scores" ADD "cross_links" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listening_scores" DROP COLUMN "cross_links"`);
  }
}
