import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Guidelines1796507700000 implements MigrationInterface {
  name = 'Guidelines1796507700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "guidelines" ("id" uuid NOT NULL, "key" text NOT NULL, "title" text NOT NULL, "sort_title" text NOT NULL, "audiences" "public"."audience" array NOT NULL, "community_id" uuid, "current_version_id" uuid, "required_version_id" uuid, "required_number" integer, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b3c760c92c8a64e3c3447c21b04" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "guidelines_key_unique" ON "guidelines" ("key") `);
    await queryRunner.query(`CREATE INDEX "guidelines_title_order" ON "guidelines" ("sort_title", "id") `);
    await queryRunner.query(`CREATE INDEX "guidelines_community" ON "guidelines" ("community_id") `);
    await queryRunner.query(`CREATE TABLE "guideline_versions" ("id" uuid NOT NULL, "guideline_id" uuid NOT NULL, "number" integer NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "change_note" text NOT NULL DEFAULT '', "material" boolean NOT NULL DEFAULT false, "author_id" uuid NOT NULL, "published_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1ce5a3f14411ce4185bdd955930" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "guideline_versions_one_draft" ON "guideline_versions" ("guideline_id") WHERE "published_at" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "guideline_versions_number" ON "guideline_versions" ("guideline_id", "number") `);
    await queryRunner.query(`CREATE TABLE "guideline_acknowledgements" ("version_id" uuid NOT NULL, "account_id" uuid NOT NULL, "guideline_id" uuid NOT NULL, "version_number" integer NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_217c085f764717919f1ea99b4f1" PRIMARY KEY ("version_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "guideline_acknowledgements_guideline" ON "guideline_acknowledgements" ("guideline_id", "version_number") `);
    await queryRunner.query(`CREATE INDEX "guideline_acknowledgements_account" ON "guideline_acknowledgements" ("account_id", "guideline_id", "version_number") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."guideline_acknowledgements_account"`);
    await queryRunner.query(`DROP INDEX "public"."guideline_acknowledgements_guideline"`);
    await queryRunner.query(`DROP TABLE "guideline_acknowledgements"`);
    await queryRunner.query(`DROP INDEX "public"."guideline_versions_number"`);
    await queryRunner.query(`DROP INDEX "public"."guideline_versions_one_draft"`);
    await queryRunner.query(`DROP TABLE "guideline_versions"`);
    await queryRunner.query(`DROP INDEX "public"."guidelines_community"`);
    await queryRunner.query(`DROP INDEX "public"."guidelines_title_order"`);
    await queryRunner.query(`DROP INDEX "public"."guidelines_key_unique"`);
    await queryRunner.query(`DROP TABLE "guidelines"`);
  }
}
