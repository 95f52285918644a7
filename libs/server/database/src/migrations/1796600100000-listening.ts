import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Listening1796600100000 implements MigrationInterface {
  name = 'Listening1796600100000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }
}
