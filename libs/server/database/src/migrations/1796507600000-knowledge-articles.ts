import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeArticles1796507600000 implements MigrationInterface {
  name = 'KnowledgeArticles1796507600000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's knowledge-articles part.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled by the Center of Excellence's knowledge-articles part.
  }
}
