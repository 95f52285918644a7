import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, invites, platform settings and rate-limit counters. */
export class Foundation1795426444440 implements MigrationInterface {
  name = 'Foundation1795426444440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."platform_role" AS ENUM('MEMBER', 'STEERING', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "sort_name" text NOT NULL, "department" text, "title" text, "role" "public"."platform_role" NOT NULL DEFAULT 'MEMBER', "suspended_at" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "accounts_email_key" ON "accounts" ("email") `);
    await queryRunner.query(`CREATE INDEX "accounts_directory_order" ON "accounts" ("sort_name", "id") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "user_agent" text, "address" text, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sessions_account_id_idx" ON "sessions" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "invites" ("id" uuid NOT NULL, "token_hash" bytea NOT NULL, "email" text, "role" "public"."platform_role" NOT NULL DEFAULT 'MEMBER', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by_id" uuid, CONSTRAINT "PK_aa52e96b44a714372f4dd31a0af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites" ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "platform_settings" ("id" smallint NOT NULL, "open_registration" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "platform_settings_single_row" CHECK ("id" = 1), CONSTRAINT "PK_2934aeb70ec285196dcab4a2e96" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "rate_limit_buckets" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_70ba71f3f09699ab2a393590e06" PRIMARY KEY ("key", "window_start"))`);
    await queryRunner.query(`CREATE INDEX "rate_limit_buckets_window_start_idx" ON "rate_limit_buckets" ("window_start") `);
    // The single settings row: open registration until an admin closes it.
    await queryRunner.query(`INSERT INTO "platform_settings" ("id") VALUES (1)`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invites" ADD CONSTRAINT "FK_5e2a07492128e96a16b3fdcf9a0" FOREIGN KEY ("created_by_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invites" ADD CONSTRAINT "FK_73c8998144e1d6e7762894fd3d3" FOREIGN KEY ("accepted_by_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invites" DROP CONSTRAINT "FK_73c8998144e1d6e7762894fd3d3"`);
    await queryRunner.query(`ALTER TABLE "invites" DROP CONSTRAINT "FK_5e2a07492128e96a16b3fdcf9a0"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5"`);
    await queryRunner.query(`DROP INDEX "public"."rate_limit_buckets_window_start_idx"`);
    await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
    await queryRunner.query(`DROP TABLE "platform_settings"`);
    await queryRunner.query(`DROP INDEX "public"."invites_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "invites"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_account_id_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_directory_order"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_email_key"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP TYPE "public"."platform_role"`);
  }
}
