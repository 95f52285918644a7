import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Delivery of e-mails over SMTP: how many tries, the last failure, and when to try again. */
export class EmailDelivery1796600700000 implements MigrationInterface {
  name = 'EmailDelivery1796600700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_emails" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "notification_emails" ADD "last_error" text`);
    await queryRunner.query(`ALTER TABLE "notification_emails" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_emails" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "notification_emails" DROP COLUMN "last_error"`);
    await queryRunner.query(`ALTER TABLE "notification_emails" DROP COLUMN "attempts"`);
  }
}
