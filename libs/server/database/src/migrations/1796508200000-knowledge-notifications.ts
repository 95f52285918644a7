import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'ARTICLE_REVIEW_REQUESTED',
  'ARTICLE_APPROVED',
  'ARTICLE_RETURNED',
  'ARTICLE_REVIEW_DUE',
  'GUIDELINE_ACKNOWLEDGEMENT_REQUESTED',
  'GUIDELINE_REMINDER',
  'COURSE_ASSIGNED',
  'COURSE_DUE_SOON',
];
const TARGETS = ['ARTICLE', 'GUIDELINE', 'COURSE'];

export class KnowledgeNotifications1796508200000 implements MigrationInterface {
  name = 'KnowledgeNotifications1796508200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Appended values: nothing uses them in this transaction.
    for (const kind of KINDS) await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS '${kind}'`);
    for (const target of TARGETS) await queryRunner.query(`ALTER TYPE "public"."notification_target_kind" ADD VALUE IF NOT EXISTS '${target}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind"::text = ANY($1) OR "target_kind"::text = ANY($2)`, [KINDS, TARGETS]);
    await recreate(queryRunner, 'notification_kind', 'kind', KINDS);
    await recreate(queryRunner, 'notification_target_kind', 'target_kind', TARGETS);
  }
}

/** An enum without the values this migration added (PostgreSQL cannot drop enum values). */
async function recreate(queryRunner: QueryRunner, type: string, column: string, added: string[]): Promise<void> {
  const rows: Array<{ value: string }> = await queryRunner.query(
    `SELECT e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
    [type],
  );
  const kept = rows.map((r) => r.value).filter((v) => !added.includes(v));
  await queryRunner.query(`ALTER TYPE "public"."${type}" RENAME TO "${type}_old"`);
  await queryRunner.query(`CREATE TYPE "public"."${type}" AS ENUM(${kept.map((v) => `'${v}'`).join(', ')})`);
  await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "${column}" TYPE "public"."${type}" USING "${column}"::"text"::"public"."${type}"`);
  await queryRunner.query(`DROP TYPE "public"."${type}_old"`);
}
