import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme view of analytics: per-thread conversation facts (engagement duration) and the
 * steering committee's saved monthly snapshots. SQL-only tables, like the rest of analytics.
 */
export class MetricSnapshots1796600300000 implements MigrationInterface {
  name = 'MetricSnapshots1796600300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per forum thread with activity: how long its conversation lived and whom it drew.
    // Kept by the conversations rollup from the activity log; participant_ids is the thread's
    // author and everyone who replied (distinct).
    await queryRunner.query(`CREATE TABLE "conversation_facts" (
      "thread_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "starter_id" uuid,
      "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_reply_at" TIMESTAMP WITH TIME ZONE,
      "replies" integer NOT NULL DEFAULT 0,
      "participants" integer NOT NULL DEFAULT 0,
      "participant_ids" uuid[] NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_conversation_facts" PRIMARY KEY ("thread_id")
    )`);
    await queryRunner.query(`CREATE INDEX "conversation_facts_started" ON "conversation_facts" ("started_at")`);
    await queryRunner.query(`CREATE INDEX "conversation_facts_community" ON "conversation_facts" ("community_id", "started_at")`);
    // The rollup reads a touched thread's whole conversation by subject; created on the
    // partitioned parent, so every month's partition (present and future) gets it.
    await queryRunner.query(`CREATE INDEX "activity_log_conversation" ON "activity_log" ("subject_id", "occurred_at") WHERE "kind" IN ('THREAD', 'REPLY')`);

    // A saved monthly programme overview: immutable; saving a month again adds a version.
    await queryRunner.query(`CREATE TABLE "metric_snapshots" (
      "id" uuid NOT NULL,
      "month" text NOT NULL,
      "version" integer NOT NULL,
      "note" text,
      "content" jsonb NOT NULL,
      "created_by_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_metric_snapshots" PRIMARY KEY ("id"),
      CONSTRAINT "metric_snapshots_month_version" UNIQUE ("month", "version")
    )`);
    await queryRunner.query(`CREATE INDEX "metric_snapshots_order" ON "metric_snapshots" ("created_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_snapshots"`);
    await queryRunner.query(`DROP INDEX "activity_log_conversation"`);
    await queryRunner.query(`DROP TABLE "conversation_facts"`);
  }
}
