import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { Clock, ConflictError, ModerationGate, PolicyRejectedError, renderMarkdown, uuidv7, ValidationError, type Viewer } from '@commons/server-core';
import { Audience, ContentKind, ModerationState } from '@commons/shared-contracts';
import { ArticleAction } from './article-access';
import { ArticleScope } from './article-scope';
import { articleResource, ArticlesService, isLive } from './articles.service';
import { KnowledgeArticleFeedbackEntity } from './entities/knowledge-article-feedback.entity';
import type { KnowledgeArticleFeedbackInput } from './dto/article.inputs';

/**
 * Moderation decides by a community's policy, and its decisions and review queue belong to a
 * community. A platform-wide article has none, so comments on it are judged under this scope id,
 * which has no policy of its own: as the company's own knowledge base (whose comments only its
 * owners read), the employee communities' default policy governs, with the platform's mandatory
 * rules, whoever comments (a customer on a shared article is not held as a new member forever).
 * No community's moderators can review what that policy would hold, so a held comment is refused
 * with the policy's reason (the author rephrases it) rather than left in a queue nobody may act
 * on; rejected ones are refused as anywhere. Comments on community articles are judged and
 * reviewed like any post of the community.
 */
export const PLATFORM_SCOPE_ID = '00000000-0000-0000-0000-000000000000';

/** "Was this helpful?": one answer per person, changeable; comments pass the moderation gate. */
@Injectable()
export class ArticleFeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly scope: ArticleScope,
    private readonly moderation: ModerationGate,
    private readonly clock: Clock,
  ) {}

  async rate(viewer: Viewer, input: KnowledgeArticleFeedbackInput): Promise<KnowledgeArticleFeedbackEntity> {
    const { article, access } = await this.articles.get(viewer, input.articleId);
    if (!isLive(article)) throw new ConflictError('Feedback opens when the article is published.', 'articleId');
    const resource = articleResource(access, article);
    // Owners and reviewers may see the working copy of an article they could not otherwise read: no feedback from there.
    if (!this.scope.can(viewer, ArticleAction.Feedback, resource)) throw new ConflictError('Feedback opens when the article is published.', 'articleId');
    const comment = input.comment || null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const existing = await manager.findOne(KnowledgeArticleFeedbackEntity, { where: { articleId: article.id, accountId: viewer.accountId } });
        const id = existing?.id ?? uuidv7(now.getTime());
        let state: ModerationState = ModerationState.Visible;
        if (comment) {
          const outcome = await this.moderation.evaluate(manager, {
            kind: ContentKind.KnowledgeFeedback,
            contentId: id,
            isEdit: existing?.comment != null,
            communityId: access?.communityId ?? PLATFORM_SCOPE_ID,
            author: viewer,
            title: null,
            body: comment,
            communityAudiences: access?.audiences ?? [Audience.Employee],
            memberSince: access?.joinedAt ?? null,
            placement: { articleId: article.id, helpful: input.helpful },
          });
          // No moderator can review a platform-wide comment (see PLATFORM_SCOPE_ID): what would be held is refused with the reason instead, and the rollback takes its queue entry with it.
          if (outcome.state === ModerationState.Held && !access) throw ValidationError.field('comment', outcome.reason ?? 'This comment cannot be posted as written.');
          state = outcome.state;
        }
        const row = manager.create(KnowledgeArticleFeedbackEntity, {
          id,
          articleId: article.id,
          accountId: viewer.accountId,
          helpful: input.helpful,
          comment,
          commentHtml: comment ? renderMarkdown(comment) : null,
          moderationState: state,
          createdAt: now,
        });
        await manager.upsert(KnowledgeArticleFeedbackEntity, row, ['articleId', 'accountId']);
        await manager.query(
          `UPDATE knowledge_articles a SET helpful_count = f.yes, not_helpful_count = f.no
             FROM (SELECT count(*) FILTER (WHERE helpful)::int AS yes, count(*) FILTER (WHERE NOT helpful)::int AS no
                     FROM knowledge_article_feedback WHERE article_id = $1) f
            WHERE a.id = $1`,
          [article.id],
        );
        return row;
      });
    } catch (error) {
      // The rejected attempt is kept for the audit log once the write has rolled back.
      if (error instanceof PolicyRejectedError) await this.moderation.recordRejection(error);
      throw error;
    }
  }

  /** Visible comments of an article, newest first (keyset on time and id), for its owners and publishers. */
  async comments(articleId: string, args: { first: number; after?: string | null }) {
    const after = decodeCursor(args.after);
    const qb = this.dataSource
      .getRepository(KnowledgeArticleFeedbackEntity)
      .createQueryBuilder('f')
      .where('f.articleId = :articleId AND f.comment IS NOT NULL AND f.moderationState = :visible', { articleId, visible: ModerationState.Visible })
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .take(args.first + 1);
    if (after) qb.andWhere('(f.createdAt, f.id) < (:at, :id)', { at: new Date(String(after[0])), id: after[1] });
    const rows = await qb.getMany();
    return toConnection(rows, args.first, (r) => [r.createdAt.toISOString(), r.id], after !== undefined);
  }

  /** The viewer's own answers for these articles (one statement for a page). */
  async mine(viewerId: string, articleIds: readonly string[]): Promise<KnowledgeArticleFeedbackEntity[]> {
    if (articleIds.length === 0) return [];
    return this.dataSource
      .getRepository(KnowledgeArticleFeedbackEntity)
      .createQueryBuilder('f')
      .where('f.accountId = :viewerId AND f.articleId IN (:...articleIds)', { viewerId, articleIds })
      .getMany();
  }
}
