import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Training1796507800000 implements MigrationInterface {
  name = 'Training1796507800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."training_course_state" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED')`);
    await queryRunner.query(`CREATE TABLE "training_courses" ("id" uuid NOT NULL, "title" text NOT NULL, "sort_title" text NOT NULL, "description" text NOT NULL DEFAULT '', "description_html" text NOT NULL DEFAULT '', "audiences" "public"."audience" array NOT NULL, "target_cohort_id" uuid, "target_department" text, "target_community_managers" boolean NOT NULL DEFAULT false, "state" "public"."training_course_state" NOT NULL, "pass_mark" integer, "created_by_id" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_13bbeecb2ed8a1f45be3c02d68e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_courses_catalogue" ON "training_courses" ("sort_title", "id") `);
    await queryRunner.query(`CREATE TABLE "training_lessons" ("id" uuid NOT NULL, "course_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "article_ids" uuid array NOT NULL DEFAULT '{}', "video_url" text, CONSTRAINT "PK_77ee4d25f2d0df7a3d66a873aa5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_lessons_course" ON "training_lessons" ("course_id", "position") `);
    await queryRunner.query(`CREATE TABLE "training_quiz_questions" ("id" uuid NOT NULL, "course_id" uuid NOT NULL, "position" integer NOT NULL, "prompt" text NOT NULL, "choices" jsonb NOT NULL, CONSTRAINT "PK_9c62fd572c9ccd52c9396a95c7e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_quiz_questions_course" ON "training_quiz_questions" ("course_id", "position") `);
    await queryRunner.query(`CREATE TABLE "training_enrolments" ("id" uuid NOT NULL, "course_id" uuid NOT NULL, "account_id" uuid NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assigned_by_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "assigned_community_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE, "reminded_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9c501a0118907488e3e587e7771" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "training_enrolments_course_account" ON "training_enrolments" ("course_id", "account_id") `);
    await queryRunner.query(`CREATE INDEX "training_enrolments_account" ON "training_enrolments" ("account_id", "enrolled_at", "id") `);
    await queryRunner.query(`CREATE INDEX "training_enrolments_due" ON "training_enrolments" ("due_at", "id") WHERE completed_at IS NULL AND due_at IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "training_lesson_progress" ("enrolment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a718ac6c4bc45e29cbce2f334b4" PRIMARY KEY ("enrolment_id", "lesson_id"))`);
    await queryRunner.query(`CREATE TABLE "training_quiz_attempts" ("id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "answers" jsonb NOT NULL, "score" integer NOT NULL, "passed" boolean NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_144f296b80c0f88858de92ce33f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_quiz_attempts_enrolment" ON "training_quiz_attempts" ("enrolment_id", "submitted_at") `);
    await queryRunner.query(`ALTER TABLE "training_lessons" ADD CONSTRAINT "FK_99b81c33e60c64f51b0c59935d4" FOREIGN KEY ("course_id") REFERENCES "training_courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_quiz_questions" ADD CONSTRAINT "FK_7f83870e41461c12b1d06ff7b05" FOREIGN KEY ("course_id") REFERENCES "training_courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_enrolments" ADD CONSTRAINT "FK_2f5186a5d4e766ad47d6b917f1a" FOREIGN KEY ("course_id") REFERENCES "training_courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_enrolments" ADD CONSTRAINT "FK_9db8ea22afad73d9c9bd48e5839" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_lesson_progress" ADD CONSTRAINT "FK_9a0f1b95116adb64e7b447ede0b" FOREIGN KEY ("enrolment_id") REFERENCES "training_enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_quiz_attempts" ADD CONSTRAINT "FK_c70492669a9e40ae93cb9a0d16c" FOREIGN KEY ("enrolment_id") REFERENCES "training_enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_quiz_attempts" DROP CONSTRAINT "FK_c70492669a9e40ae93cb9a0d16c"`);
    await queryRunner.query(`ALTER TABLE "training_lesson_progress" DROP CONSTRAINT "FK_9a0f1b95116adb64e7b447ede0b"`);
    await queryRunner.query(`ALTER TABLE "training_enrolments" DROP CONSTRAINT "FK_9db8ea22afad73d9c9bd48e5839"`);
    await queryRunner.query(`ALTER TABLE "training_enrolments" DROP CONSTRAINT "FK_2f5186a5d4e766ad47d6b917f1a"`);
    await queryRunner.query(`ALTER TABLE "training_quiz_questions" DROP CONSTRAINT "FK_7f83870e41461c12b1d06ff7b05"`);
    await queryRunner.query(`ALTER TABLE "training_lessons" DROP CONSTRAINT "FK_99b81c33e60c64f51b0c59935d4"`);
    await queryRunner.query(`DROP INDEX "public"."training_quiz_attempts_enrolment"`);
    await queryRunner.query(`DROP TABLE "training_quiz_attempts"`);
    await queryRunner.query(`DROP TABLE "training_lesson_progress"`);
    await queryRunner.query(`DROP INDEX "public"."training_enrolments_due"`);
    await queryRunner.query(`DROP INDEX "public"."training_enrolments_account"`);
    await queryRunner.query(`DROP INDEX "public"."training_enrolments_course_account"`);
    await queryRunner.query(`DROP TABLE "training_enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."training_quiz_questions_course"`);
    await queryRunner.query(`DROP TABLE "training_quiz_questions"`);
    await queryRunner.query(`DROP INDEX "public"."training_lessons_course"`);
    await queryRunner.query(`DROP TABLE "training_lessons"`);
    await queryRunner.query(`DROP INDEX "public"."training_courses_catalogue"`);
    await queryRunner.query(`DROP TABLE "training_courses"`);
    await queryRunner.query(`DROP TYPE "public"."training_course_state"`);
  }
}
