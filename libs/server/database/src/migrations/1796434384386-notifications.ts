import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796434384386 implements MigrationInterface {
  name = 'Notifications1796434384386';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_emails" ("id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "body_html" text NOT NULL, "body_text" text NOT NULL, "transport" text NOT NULL, "covers_from" TIMESTAMP WITH TIME ZONE, "covers_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_04a102f5dca41e6254c988be0f6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_emails_waiting" ON "notification_emails" ("created_at") WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "notification_emails_recipient" ON "notification_emails" ("recipient_id", "created_at") `);
    await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM('THREAD_REPLY', 'REPLY_QUOTED', 'FOLLOWED_THREAD_REPLY', 'FOLLOWED_NEW_THREAD', 'FOLLOWED_BLOG_POST', 'MENTION', 'ANSWER_ACCEPTED', 'QUESTION_ANSWERED', 'REACTION', 'BLOG_COMMENT', 'COMMENT_REPLY', 'CONTENT_HELD', 'MODERATION_NOTICE', 'COMMUNITY_INVITATION', 'JOIN_REQUESTED', 'JOIN_REQUEST_APPROVED', 'JOIN_REQUEST_DENIED')`);
    await queryRunner.query(`CREATE TYPE "public"."notification_target_kind" AS ENUM('THREAD', 'REPLY', 'BLOG_POST', 'BLOG_COMMENT', 'MODERATION_NOTICE', 'COMMUNITY_INVITATION', 'JOIN_REQUEST')`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "community_id" uuid, "target_kind" "public"."notification_target_kind" NOT NULL, "target_id" uuid NOT NULL, "actor_ids" uuid array NOT NULL DEFAULT '{}', "actor_count" integer NOT NULL DEFAULT '0', "group_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notifications_group" ON "notifications" ("recipient_id", "group_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_unread_group" ON "notifications" ("recipient_id", "group_key") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_recipient" ON "notifications" ("recipient_id", "updated_at", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."notification_email_digest" AS ENUM('NONE', 'DAILY', 'WEEKLY')`);
    await queryRunner.query(`CREATE TABLE "notification_preferences" ("account_id" uuid NOT NULL, "replies" boolean NOT NULL DEFAULT true, "mentions" boolean NOT NULL DEFAULT true, "reactions" boolean NOT NULL DEFAULT true, "followed" boolean NOT NULL DEFAULT true, "communities" boolean NOT NULL DEFAULT true, "email_digest" "public"."notification_email_digest" NOT NULL DEFAULT 'NONE', "last_digest_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_73cfaca5ce36388afe7d5854306" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE INDEX "notification_preferences_digest" ON "notification_preferences" ("email_digest", "last_digest_at") WHERE email_digest <> 'NONE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notification_preferences_digest"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TYPE "public"."notification_email_digest"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_group"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_group"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TYPE "public"."notification_target_kind"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`DROP INDEX "public"."notification_emails_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."notification_emails_waiting"`);
    await queryRunner.query(`DROP TABLE "notification_emails"`);
  }
}
