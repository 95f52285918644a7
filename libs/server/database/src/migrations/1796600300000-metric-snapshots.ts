import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricSnapshots1796600300000 implements MigrationInterface {
  name = 'MetricSnapshots1796600300000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in with its tables.
  }
}
