import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analytics store: the activity log (partitioned by month), the daily rollups dashboards
 * read, the rollup runs admins watch, and the per-question facts support metrics need.
 *
 * Hand-written: these tables are read and written by SQL only (no entities). TypeORM's schema
 * diff does not understand declarative partitioning, and leaves tables without entities alone.
 */
export class Analytics1796600000000 implements MigrationInterface {
  name = 'Analytics1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."activity_kind" AS ENUM(
      'SIGN_IN', 'PRESENCE', 'VIEW', 'THREAD', 'REPLY', 'BLOG_POST', 'COMMENT', 'REACTION', 'ACCEPTED_ANSWER',
      'JOIN', 'LEAVE', 'FLAG', 'MODERATION_DECISION', 'QUEUE_ENTERED', 'QUEUE_LEFT', 'APPEAL_DECIDED',
      'ACKNOWLEDGEMENT', 'COURSE_COMPLETION')`);
    // One row per thing someone did, as the domain events told it. account_id is null for the
    // platform's own acts (an automatic hold); event_seq is the outbox event it came from.
    await queryRunner.query(`CREATE TABLE "activity_log" (
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "kind" "public"."activity_kind" NOT NULL,
      "account_id" uuid,
      "community_id" uuid,
      "subject_id" uuid,
      "content_id" uuid,
      "event_seq" bigint,
      "detail" jsonb
    ) PARTITION BY RANGE ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "activity_log_occurred" ON "activity_log" ("occurred_at")`);
    // Creates the month's partition if it is missing (the consumer, the seed and backfills call it).
    await queryRunner.query(`CREATE FUNCTION analytics_month_partition(month date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        first date := date_trunc('month', month)::date;
        name text := format('activity_log_%s', to_char(first, 'YYYY_MM'));
      BEGIN
        IF to_regclass(name) IS NULL THEN
          EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF activity_log FOR VALUES FROM (%L) TO (%L)',
            name, first::timestamp AT TIME ZONE 'UTC', (first + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        END IF;
        RETURN name;
      END $$`);

    // Per person, community and day: what every people-metric is rolled up from. Platform-wide
    // activity (signing in, platform articles, courses) has the nil community.
    await queryRunner.query(`CREATE TABLE "activity_days" (
      "day" date NOT NULL,
      "community_id" uuid NOT NULL,
      "account_id" uuid NOT NULL,
      "threads" integer NOT NULL DEFAULT 0,
      "replies" integer NOT NULL DEFAULT 0,
      "blog_posts" integer NOT NULL DEFAULT 0,
      "comments" integer NOT NULL DEFAULT 0,
      "reactions" integer NOT NULL DEFAULT 0,
      "accepted_answers" integer NOT NULL DEFAULT 0,
      "views" integer NOT NULL DEFAULT 0,
      "flags" integer NOT NULL DEFAULT 0,
      "acknowledgements" integer NOT NULL DEFAULT 0,
      "course_completions" integer NOT NULL DEFAULT 0,
      "joins" integer NOT NULL DEFAULT 0,
      "leaves" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_activity_days" PRIMARY KEY ("day", "community_id", "account_id")
    )`);
    await queryRunner.query(`CREATE INDEX "activity_days_account" ON "activity_days" ("account_id", "day")`);

    // One value per metric, slice and day; week and month buckets are combined from these.
    await queryRunner.query(`CREATE TABLE "metric_daily" (
      "metric" text NOT NULL,
      "slice_kind" text NOT NULL,
      "slice_id" text NOT NULL,
      "day" date NOT NULL,
      "numerator" double precision NOT NULL,
      "denominator" double precision,
      "people" integer NOT NULL,
      CONSTRAINT "PK_metric_daily" PRIMARY KEY ("metric", "slice_kind", "slice_id", "day")
    )`);
    await queryRunner.query(`CREATE INDEX "metric_daily_day" ON "metric_daily" ("day")`);

    await queryRunner.query(`CREATE TYPE "public"."rollup_status" AS ENUM('QUEUED', 'RUNNING', 'DONE', 'FAILED')`);
    await queryRunner.query(`CREATE TABLE "rollup_runs" (
      "day" date NOT NULL,
      "status" "public"."rollup_status" NOT NULL,
      "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "started_at" TIMESTAMP WITH TIME ZONE,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      "rows" integer,
      "error" text,
      CONSTRAINT "PK_rollup_runs" PRIMARY KEY ("day")
    )`);

    // One row per question: when it was asked, first answered by someone else, and resolved.
    await queryRunner.query(`CREATE TABLE "support_questions" (
      "thread_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "asker_id" uuid NOT NULL,
      "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "first_response_at" TIMESTAMP WITH TIME ZONE,
      "resolved_at" TIMESTAMP WITH TIME ZONE,
      "removed" boolean NOT NULL DEFAULT false,
      CONSTRAINT "PK_support_questions" PRIMARY KEY ("thread_id")
    )`);
    await queryRunner.query(`CREATE INDEX "support_questions_community" ON "support_questions" ("community_id", "asked_at")`);
    await queryRunner.query(`CREATE INDEX "support_questions_asked" ON "support_questions" ("asked_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "support_questions"`);
    await queryRunner.query(`DROP TABLE "rollup_runs"`);
    await queryRunner.query(`DROP TYPE "public"."rollup_status"`);
    await queryRunner.query(`DROP TABLE "metric_daily"`);
    await queryRunner.query(`DROP TABLE "activity_days"`);
    await queryRunner.query(`DROP FUNCTION analytics_month_partition(date)`);
    await queryRunner.query(`DROP TABLE "activity_log"`);
    await queryRunner.query(`DROP TYPE "public"."activity_kind"`);
  }
}
