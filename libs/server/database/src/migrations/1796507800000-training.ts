import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Training1796507800000 implements MigrationInterface {
  name = 'Training1796507800000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's training part.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's training part.
  }
}
