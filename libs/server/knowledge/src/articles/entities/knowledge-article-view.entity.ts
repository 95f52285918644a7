import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who read an article on which day: views count once per person and day. */
@Entity('knowledge_article_views')
export class KnowledgeArticleViewEntity {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
