import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Experts1796507900000 implements MigrationInterface {
  name = 'Experts1796507900000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's experts part.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's experts part.
  }
}
