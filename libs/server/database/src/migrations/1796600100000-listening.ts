import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listening: the organisation's term lists (own brand and products, competitors), a score per
 * post (sentiment, mentions, tags and key phrases) written in the background, the scorer's
 * cursors, and the day's topics (tags and key phrases) the rollup writes for trending topics.
 *
 * Hand-written and read and written by SQL only (no entities), like the analytics core.
 */
export class Listening1796600100000 implements MigrationInterface {
  name = 'Listening1796600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "listening_term_lists" (
      "id" uuid NOT NULL,
      "key" text NOT NULL,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "terms" text array NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_listening_term_lists" PRIMARY KEY ("id"),
      CONSTRAINT "listening_term_lists_kind" CHECK ("kind" IN ('OWN', 'COMPETITOR'))
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "listening_term_lists_key" ON "listening_term_lists" ("key")`);

    // One row per scored post (thread, reply, blog post, comment). created_at is when the post met
    // readers (a blog post's publication); score is the AFINN sum, comparative the score per word.
    await queryRunner.query(`CREATE TABLE "listening_scores" (
      "content_kind" text NOT NULL,
      "content_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "author_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "score" integer NOT NULL,
      "comparative" double precision NOT NULL,
      "words" integer NOT NULL,
      "own_mentions" integer NOT NULL DEFAULT 0,
      "competitor_mentions" integer NOT NULL DEFAULT 0,
      "tags" text array NOT NULL DEFAULT '{}',
      "phrases" text array NOT NULL DEFAULT '{}',
      "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_listening_scores" PRIMARY KEY ("content_kind", "content_id"),
      CONSTRAINT "listening_scores_kind" CHECK ("content_kind" IN ('THREAD', 'REPLY', 'BLOG_POST', 'COMMENT'))
    )`);
    await queryRunner.query(`CREATE INDEX "listening_scores_created" ON "listening_scores" ("created_at")`);

    // Where the background scorer got to, per kind: the last (time, id) it read.
    await queryRunner.query(`CREATE TABLE "listening_cursors" (
      "content_kind" text NOT NULL,
      "after_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "after_id" uuid NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_listening_cursors" PRIMARY KEY ("content_kind")
    )`);

    // Per day and community: how many posts mentioned a tag or key phrase, and who wrote them
    // (distinct people over a week are counted from the authors, for the privacy threshold).
    await queryRunner.query(`CREATE TABLE "listening_topics_daily" (
      "day" date NOT NULL,
      "community_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "topic" text NOT NULL,
      "mentions" integer NOT NULL,
      "people" integer NOT NULL,
      "authors" uuid array NOT NULL,
      CONSTRAINT "PK_listening_topics_daily" PRIMARY KEY ("day", "community_id", "kind", "topic"),
      CONSTRAINT "listening_topics_daily_kind" CHECK ("kind" IN ('TAG', 'PHRASE'))
    )`);
    await queryRunner.query(`CREATE INDEX "listening_topics_daily_community" ON "listening_topics_daily" ("community_id", "day")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "listening_topics_daily"`);
    await queryRunner.query(`DROP TABLE "listening_cursors"`);
    await queryRunner.query(`DROP TABLE "listening_scores"`);
    await queryRunner.query(`DROP TABLE "listening_term_lists"`);
  }
}
