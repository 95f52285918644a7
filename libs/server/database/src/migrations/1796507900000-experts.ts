import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Declared expertise (profiles and tags) and champions. */
export class Experts1796507900000 implements MigrationInterface {
  name = 'Experts1796507900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "champions" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "community_id" uuid, "department" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "named_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "champions_one_scope" CHECK (("community_id" IS NULL) <> ("department" IS NULL)), CONSTRAINT "PK_799041f42a50fee65bfd953323d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "champions_department" ON "champions" ("department") `);
    await queryRunner.query(`CREATE INDEX "champions_community" ON "champions" ("community_id") `);
    await queryRunner.query(`CREATE INDEX "champions_account" ON "champions" ("account_id") `);
    await queryRunner.query(`CREATE TABLE "expertise_profiles" ("account_id" uuid NOT NULL, "note" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_691664f8054e7c2bfe05fe072a2" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE TABLE "expertise_tags" ("account_id" uuid NOT NULL, "tag" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_31058418d8b509fc04273e6c8c3" PRIMARY KEY ("account_id", "tag"))`);
    // Exact and prefix ("secur" → "security") lookups of declared tags, whatever the database collation.
    await queryRunner.query(`CREATE INDEX "expertise_tags_tag" ON "expertise_tags" ("tag" text_pattern_ops)`);
    await queryRunner.query(`ALTER TABLE "champions" ADD CONSTRAINT "FK_d1d404fdf1b69c8a1281e90405d" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expertise_profiles" ADD CONSTRAINT "FK_691664f8054e7c2bfe05fe072a2" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expertise_tags" ADD CONSTRAINT "FK_f2209b80f2b13394deb30c2dbfc" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expertise_tags" DROP CONSTRAINT "FK_f2209b80f2b13394deb30c2dbfc"`);
    await queryRunner.query(`ALTER TABLE "expertise_profiles" DROP CONSTRAINT "FK_691664f8054e7c2bfe05fe072a2"`);
    await queryRunner.query(`ALTER TABLE "champions" DROP CONSTRAINT "FK_d1d404fdf1b69c8a1281e90405d"`);
    await queryRunner.query(`DROP INDEX "public"."expertise_tags_tag"`);
    await queryRunner.query(`DROP TABLE "expertise_tags"`);
    await queryRunner.query(`DROP TABLE "expertise_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."champions_account"`);
    await queryRunner.query(`DROP INDEX "public"."champions_community"`);
    await queryRunner.query(`DROP INDEX "public"."champions_department"`);
    await queryRunner.query(`DROP TABLE "champions"`);
  }
}
