import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Guidelines1796507700000 implements MigrationInterface {
  name = 'Guidelines1796507700000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's guidelines part.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's guidelines part.
  }
}
