import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoeRole1796507580673 implements MigrationInterface {
  name = 'CoeRole1796507580673';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Appending a value keeps accounts and invites on the same type (the generator's rename dance
    // breaks on a type two tables share). The value is not used in this transaction.
    await queryRunner.query(`ALTER TYPE "public"."platform_role" ADD VALUE IF NOT EXISTS 'COE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "accounts" SET "role" = 'MEMBER' WHERE "role" = 'COE'`);
    await queryRunner.query(`UPDATE "invites" SET "role" = 'MEMBER' WHERE "role" = 'COE'`);
    await queryRunner.query(`ALTER TYPE "public"."platform_role" RENAME TO "platform_role_old"`);
    await queryRunner.query(`CREATE TYPE "public"."platform_role" AS ENUM('MEMBER', 'STEERING', 'ADMIN')`);
    for (const table of ['accounts', 'invites']) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "role" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "role" TYPE "public"."platform_role" USING "role"::"text"::"public"."platform_role"`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "role" SET DEFAULT 'MEMBER'`);
    }
    await queryRunner.query(`DROP TYPE "public"."platform_role_old"`);
  }
}
