import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One published version of an article: a snapshot that never changes. */
@Entity('knowledge_article_versions')
@Index('knowledge_article_versions_number', ['articleId', 'number'], { unique: true })
export class KnowledgeArticleVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @Column('int')
  number: number;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('text', { name: 'change_note', default: '' })
  changeNote: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
