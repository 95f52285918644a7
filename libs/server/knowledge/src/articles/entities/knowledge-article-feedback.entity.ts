import type { ModerationState } from '@commons/shared-contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** "Was this helpful?": one answer per person and article, which they may change. */
@Entity('knowledge_article_feedback')
@Index('knowledge_article_feedback_person', ['articleId', 'accountId'], { unique: true })
@Index('knowledge_article_feedback_recent', ['articleId', 'createdAt', 'id'])
export class KnowledgeArticleFeedbackEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('boolean')
  helpful: boolean;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('text', { name: 'comment_html', nullable: true })
  commentHtml: string | null;

  /** The moderation outcome of the comment: VISIBLE, or HELD and then shown to nobody but its author. */
  @Column('text', { name: 'moderation_state', default: 'VISIBLE' })
  moderationState: ModerationState;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
