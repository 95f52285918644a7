import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupportSla1796600200000 implements MigrationInterface {
  name = 'SupportSla1796600200000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }
}
