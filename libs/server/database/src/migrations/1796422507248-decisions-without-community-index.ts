import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionsWithoutCommunityIndex1796422507248 implements MigrationInterface {
  name = 'DecisionsWithoutCommunityIndex1796422507248';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."moderation_decisions_community"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "moderation_decisions_community" ON "moderation_decisions" ("community_id", "created_at") `);
  }
}
