import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796424624947 implements MigrationInterface {
  name = 'Outbox1796424624947';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_events" ("seq" BIGSERIAL NOT NULL, "type" text NOT NULL, "community_id" uuid, "subject_id" uuid, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc48a1566b3b842a82f0b2615c8" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE INDEX "outbox_events_community" ON "outbox_events" ("community_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "outbox_events_subject" ON "outbox_events" ("subject_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "outbox_events_unpublished" ON "outbox_events" ("seq") WHERE published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_events_unpublished"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_subject"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_community"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
  }
}
