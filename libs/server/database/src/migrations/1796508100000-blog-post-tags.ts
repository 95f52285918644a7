import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlogPostTags1796508100000 implements MigrationInterface {
  name = 'BlogPostTags1796508100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Posts with a tag, in a blog or across the feed: `tags @> ARRAY[tag]`.
    await queryRunner.query(`CREATE INDEX "blog_posts_tags" ON "blog_posts" USING GIN ("tags")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."blog_posts_tags"`);
  }
}
