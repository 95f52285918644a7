import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DryRunHeartbeat1795458947035 implements MigrationInterface {
  name = 'DryRunHeartbeat1795458947035';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "moderation_dry_runs" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "moderation_dry_runs" DROP COLUMN "heartbeat_at"`);
  }
}
