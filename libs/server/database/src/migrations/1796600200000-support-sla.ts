import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support SLAs and their alerts, and the governance facts: per-rule moderation volumes by day and
 * the review queue's items with their time to review. Hand-written, SQL-only tables like the rest
 * of analytics (no entities).
 */
export class SupportSla1796600200000 implements MigrationInterface {
  name = 'SupportSla1796600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Appended value: nothing uses it in this transaction.
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'SLA_BREACHED'`);

    // A community's first-response target, set by its managers.
    await queryRunner.query(`CREATE TABLE "support_slas" (
      "community_id" uuid NOT NULL,
      "first_response_minutes" integer NOT NULL,
      "updated_by_id" uuid NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_support_slas" PRIMARY KEY ("community_id"),
      CONSTRAINT "FK_support_slas_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE
    )`);
    // One alert per question, ever: the primary key is what makes alerting exactly once.
    await queryRunner.query(`CREATE TABLE "support_sla_alerts" (
      "thread_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "threshold_minutes" integer NOT NULL,
      "alerted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_support_sla_alerts" PRIMARY KEY ("thread_id")
    )`);
    await queryRunner.query(`CREATE INDEX "support_sla_alerts_community" ON "support_sla_alerts" ("community_id", "alerted_at")`);
    // Open, unanswered questions: the backlog lists and the hourly SLA check read only these.
    await queryRunner.query(
      `CREATE INDEX "support_questions_open" ON "support_questions" ("community_id", "asked_at", "thread_id") WHERE first_response_at IS NULL AND resolved_at IS NULL AND NOT removed`,
    );

    // Holds and rejections per day, community, rule and action (moderationByRule sums these).
    await queryRunner.query(`CREATE TABLE "moderation_rule_days" (
      "day" date NOT NULL,
      "community_id" uuid NOT NULL,
      "rule_id" text NOT NULL,
      "action" text NOT NULL,
      "count" integer NOT NULL,
      CONSTRAINT "PK_moderation_rule_days" PRIMARY KEY ("day", "community_id", "rule_id", "action")
    )`);
    await queryRunner.query(`CREATE INDEX "moderation_rule_days_community" ON "moderation_rule_days" ("community_id", "day")`);
    // Review-queue items: when each entered and left the queue (paired by item id), for review times.
    await queryRunner.query(`CREATE TABLE "moderation_reviews" (
      "item_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "source" text,
      "entered_at" TIMESTAMP WITH TIME ZONE,
      "left_at" TIMESTAMP WITH TIME ZONE,
      "status" text,
      CONSTRAINT "PK_moderation_reviews" PRIMARY KEY ("item_id")
    )`);
    await queryRunner.query(`CREATE INDEX "moderation_reviews_left" ON "moderation_reviews" ("left_at")`);
    await queryRunner.query(`CREATE INDEX "moderation_reviews_community" ON "moderation_reviews" ("community_id", "left_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "moderation_reviews"`);
    await queryRunner.query(`DROP TABLE "moderation_rule_days"`);
    await queryRunner.query(`DROP INDEX "public"."support_questions_open"`);
    await queryRunner.query(`DROP TABLE "support_sla_alerts"`);
    await queryRunner.query(`DROP TABLE "support_slas"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = 'SLA_BREACHED'`);
    // PostgreSQL cannot drop an enum value: the type is made again without it.
    const rows: Array<{ value: string }> = await queryRunner.query(
      `SELECT e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'notification_kind' ORDER BY e.enumsortorder`,
    );
    const kept = rows.map((r) => r.value).filter((v) => v !== 'SLA_BREACHED');
    await queryRunner.query(`ALTER TYPE "public"."notification_kind" RENAME TO "notification_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM(${kept.map((v) => `'${v}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "public"."notification_kind" USING "kind"::"text"::"public"."notification_kind"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind_old"`);
  }
}
