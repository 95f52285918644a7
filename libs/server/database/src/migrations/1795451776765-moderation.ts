import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1795451776765 implements MigrationInterface {
  name = 'Moderation1795451776765';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "target_kind" text NOT NULL, "target_id" uuid, "community_id" uuid, "before" jsonb, "after" jsonb, "reason" text, "policy_id" uuid, "policy_version" integer, "request_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_target" ON "audit_log" ("target_id", "at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_actor" ON "audit_log" ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_community" ON "audit_log" ("community_id", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_time" ON "audit_log" ("at", "id") `);
    await queryRunner.query(`CREATE TABLE "moderation_appeals" ("id" uuid NOT NULL, "target_kind" text NOT NULL, "target_id" uuid NOT NULL, "community_id" uuid, "appellant_id" uuid NOT NULL, "message" text NOT NULL, "original_decider_id" uuid, "status" text NOT NULL, "decided_by_id" uuid, "decision_reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a17d92c64cdaa6d75488dde46c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "moderation_appeals_pending" ON "moderation_appeals" ("community_id", "created_at") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "moderation_appeals_once" ON "moderation_appeals" ("target_kind", "target_id") `);
    await queryRunner.query(`CREATE TABLE "moderation_decisions" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "author_id" uuid NOT NULL, "content_kind" text NOT NULL, "content_id" uuid NOT NULL, "is_edit" boolean NOT NULL, "action" text NOT NULL, "rule_id" text, "reason" text, "matched" jsonb NOT NULL, "whitelisted" jsonb NOT NULL, "policy_id" uuid NOT NULL, "policy_version" integer NOT NULL, "platform_policy_id" uuid, "platform_policy_version" integer, "fingerprint" text NOT NULL, "attempt" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2e82d086a52c4233bcb60bc5b67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "moderation_decisions_community" ON "moderation_decisions" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "moderation_decisions_content" ON "moderation_decisions" ("content_id") `);
    await queryRunner.query(`CREATE INDEX "moderation_decisions_author" ON "moderation_decisions" ("author_id", "community_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "moderation_queue_items" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "content_kind" text NOT NULL, "content_id" uuid NOT NULL, "author_id" uuid NOT NULL, "source" text NOT NULL, "decision_id" uuid, "status" text NOT NULL, "escalated" boolean NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5b10728f2aa10c303753814ce8d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "moderation_queue_content" ON "moderation_queue_items" ("content_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "moderation_queue_one_pending" ON "moderation_queue_items" ("content_id") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "moderation_queue_pending" ON "moderation_queue_items" ("community_id", "created_at", "id") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE TABLE "moderation_sanctions" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "community_id" uuid, "kind" text NOT NULL, "reason" text NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, CONSTRAINT "PK_ca0be269dad238e43d93b605562" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "moderation_sanctions_community" ON "moderation_sanctions" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "moderation_sanctions_account" ON "moderation_sanctions" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "moderation_notices" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "kind" text NOT NULL, "message" text NOT NULL, "community_id" uuid, "content_kind" text, "content_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d63ce19a1e56d75d1b32021c19b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "moderation_notices_account" ON "moderation_notices" ("account_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "moderation_dry_runs" ("id" uuid NOT NULL, "policy_id" uuid NOT NULL, "version" integer NOT NULL, "community_id" uuid NOT NULL, "days" integer NOT NULL, "status" text NOT NULL, "total" integer NOT NULL, "processed" integer NOT NULL, "held" integer NOT NULL, "rejected" integer NOT NULL, "by_rule" jsonb NOT NULL, "samples" jsonb NOT NULL, "error" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f3f04484a20bff0faa56e523ab0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "moderation_policies" ("id" uuid NOT NULL, "scope" text NOT NULL, "name" text NOT NULL, "audience" text, "community_id" uuid, "active_version" integer, "latest_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2ee70fab7093d517f99f11d5cd8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "moderation_policies_platform" ON "moderation_policies" ("scope") WHERE scope = 'PLATFORM'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "moderation_policies_audience" ON "moderation_policies" ("audience") WHERE scope = 'AUDIENCE_DEFAULT'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "moderation_policies_community" ON "moderation_policies" ("community_id") WHERE community_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "moderation_policy_versions" ("policy_id" uuid NOT NULL, "version" integer NOT NULL, "rules" jsonb NOT NULL, "settings" jsonb NOT NULL, "note" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3f83215245aa21435260a417c87" PRIMARY KEY ("policy_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "content_flags" ("id" uuid NOT NULL, "community_id" uuid NOT NULL, "content_kind" text NOT NULL, "content_id" uuid NOT NULL, "flagger_id" uuid NOT NULL, "reason" text NOT NULL, "detail" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cb4c49ee3295b27603d0873e5ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "content_flags_community" ON "content_flags" ("community_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "content_flags_once" ON "content_flags" ("content_id", "flagger_id") `);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "suspended_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "forum_threads" ADD "moderation_state" text NOT NULL DEFAULT 'VISIBLE'`);
    await queryRunner.query(`ALTER TABLE "forum_replies" ADD "moderation_state" text NOT NULL DEFAULT 'VISIBLE'`);
    await queryRunner.query(`ALTER TABLE "blog_posts" ADD "moderation_state" text NOT NULL DEFAULT 'VISIBLE'`);
    await queryRunner.query(`ALTER TABLE "blog_comments" ADD "moderation_state" text NOT NULL DEFAULT 'VISIBLE'`);

    // Append-only: the audit log, policy versions and decisions are never changed once written.
    // A trigger refuses UPDATE, DELETE and TRUNCATE whoever asks (privileges alone do not bind
    // the tables' owner, which is the application's own role), and the privileges are revoked too.
    await queryRunner.query(`CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_log', 'moderation_policy_versions', 'moderation_decisions']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only()`);
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM PUBLIC`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'moderation_policy_versions', 'moderation_decisions']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_change_of_append_only()`);
    await queryRunner.query(`ALTER TABLE "blog_comments" DROP COLUMN "moderation_state"`);
    await queryRunner.query(`ALTER TABLE "blog_posts" DROP COLUMN "moderation_state"`);
    await queryRunner.query(`ALTER TABLE "forum_replies" DROP COLUMN "moderation_state"`);
    await queryRunner.query(`ALTER TABLE "forum_threads" DROP COLUMN "moderation_state"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "suspended_until"`);
    await queryRunner.query(`DROP INDEX "public"."content_flags_once"`);
    await queryRunner.query(`DROP INDEX "public"."content_flags_community"`);
    await queryRunner.query(`DROP TABLE "content_flags"`);
    await queryRunner.query(`DROP TABLE "moderation_policy_versions"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_policies_community"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_policies_audience"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_policies_platform"`);
    await queryRunner.query(`DROP TABLE "moderation_policies"`);
    await queryRunner.query(`DROP TABLE "moderation_dry_runs"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_notices_account"`);
    await queryRunner.query(`DROP TABLE "moderation_notices"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_sanctions_account"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_sanctions_community"`);
    await queryRunner.query(`DROP TABLE "moderation_sanctions"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_queue_pending"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_queue_one_pending"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_queue_content"`);
    await queryRunner.query(`DROP TABLE "moderation_queue_items"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decisions_author"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decisions_content"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decisions_community"`);
    await queryRunner.query(`DROP TABLE "moderation_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_appeals_once"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_appeals_pending"`);
    await queryRunner.query(`DROP TABLE "moderation_appeals"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_time"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_community"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_target"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
