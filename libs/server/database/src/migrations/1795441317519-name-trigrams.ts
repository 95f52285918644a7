import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram search on names: substring matches use the index, and a typo still finds the person. */
export class NameTrigrams1795441317519 implements MigrationInterface {
  name = 'NameTrigrams1795441317519';

  async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension: a database owner may create it without superuser rights.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "accounts_name_trigram" ON "accounts" USING GIN ("sort_name" gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."accounts_name_trigram"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
