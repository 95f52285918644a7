import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The searched tables whose posts search can read week by week, and the time each counts from. */
const WEEKLY = [
  ['forum_threads', 'created_at'],
  ['forum_replies', 'created_at'],
  ['blog_posts', 'published_at'],
] as const;

/**
 * Full-text indexes that answer "posts with this word in that week". PostgreSQL cannot read a
 * full-text index in time order, so search finds the latest posts with a word either by
 * walking back in time (cheap for a word in many posts) or by reading every post with it
 * (cheap for a rare word); a word in 0.1–10% of a million posts is costly both ways. These
 * indexes hold each post's words and one lexeme for its week ("week 2920", which no query
 * text can produce: the parser splits at the space), so search reads such a word week by
 * week, newest first, and stops when it has its candidates. The plain indexes stay: the
 * planner estimates a plain vector's words well, and walks need no concatenation per row.
 */
export class SearchWeeks1796600600000 implements MigrationInterface {
  name = 'SearchWeeks1796600600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The post's week as a lexeme: weeks since 1970-01-01 (a Thursday) in UTC, as the epoch does
    // not depend on the time zone (search computes the same number for the weeks it reads). A
    // draft blog post has no publication time: its vector is then the words alone. Only
    // pg_catalog functions: PostgreSQL 17 and later build expression indexes with only pg_catalog
    // on the search path.
    await queryRunner.query(`CREATE FUNCTION search_week_vector(at timestamptz) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE WHEN at IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY['week ' || floor(date_part('epoch', at) / 604800)::integer]) END $$`);
    for (const [table, time] of WEEKLY) {
      // New posts wait in a GIN index's pending list until it is merged, and every search reads
      // the whole list: 4 MB (512 pages) by default, read once per week searched. A small list
      // is merged every hundred posts or so instead.
      await queryRunner.query(`CREATE INDEX "${table}_search_weeks" ON "${table}" USING gin ((search_vector || search_week_vector(${time}))) WITH (gin_pending_list_limit = 128)`);
      await queryRunner.query(`ALTER INDEX "${table}_search" SET (gin_pending_list_limit = 128)`);
      // Statistics for the new expression, or the planner guesses how many posts a week holds.
      await queryRunner.query(`ANALYZE "${table}"`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of WEEKLY) {
      await queryRunner.query(`DROP INDEX "${table}_search_weeks"`);
      await queryRunner.query(`ALTER INDEX "${table}_search" RESET (gin_pending_list_limit)`);
    }
    await queryRunner.query(`DROP FUNCTION search_week_vector(timestamptz)`);
  }
}
