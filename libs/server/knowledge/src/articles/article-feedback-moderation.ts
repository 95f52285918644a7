import { Injectable } from '@nestjs/common';
import { contentSummaryOf, renderMarkdown, type HistoricalContent, type ModeratedContentSource } from '@commons/server-core';
import { ContentKind } from '@commons/shared-contracts';
import { PLATFORM_SCOPE_ID } from './article-feedback.service';

/** Feedback comments as moderation sees them: authored posts placed in the article's community (or the platform scope). */
const COMMENTS = `(SELECT f.id, f.account_id AS author_id, coalesce(a.community_id, '${PLATFORM_SCOPE_ID}'::uuid) AS community_id, f.comment, f.created_at, f.moderation_state
                     FROM knowledge_article_feedback f JOIN knowledge_articles a ON a.id = f.article_id WHERE f.comment IS NOT NULL) kf`;

/** What moderation may do with feedback comments (see ModeratedContentSource): review held ones, count them in the dry-run. */
@Injectable()
export class ArticleFeedbackModeration {
  readonly source: ModeratedContentSource = {
    kind: ContentKind.KnowledgeFeedback,
    visiblePostsSql: `SELECT 1 FROM ${COMMENTS} WHERE author_id = $1 AND community_id = $2 AND moderation_state = 'VISIBLE'`,
    history: async (manager, communityId, since, until, after, limit) => {
      const rows: Array<{ id: string; author_id: string; comment: string; created_at: Date }> = await manager.query(
        `SELECT id, author_id, comment, created_at FROM ${COMMENTS}
          WHERE community_id = $1 AND created_at > $2 AND created_at <= $3 AND ($4::timestamptz IS NULL OR (created_at, id) > ($4, $5::uuid))
          ORDER BY created_at, id LIMIT $6`,
        [communityId, since, until, after?.at ?? null, after?.id ?? null, limit],
      );
      return rows.map((r): HistoricalContent => ({ kind: ContentKind.KnowledgeFeedback, id: r.id, authorId: r.author_id, title: null, body: r.comment, createdAt: r.created_at }));
    },
    countHistory: async (manager, communityId, since, until) =>
      ((await manager.query(`SELECT count(*)::int AS n FROM ${COMMENTS} WHERE community_id = $1 AND created_at > $2 AND created_at <= $3`, [communityId, since, until])) as Array<{ n: number }>)[0].n,
    postCountsBefore: async (manager, communityId, before) => {
      const rows: Array<{ author_id: string; n: number }> = await manager.query(
        `SELECT author_id, count(*)::int AS n FROM ${COMMENTS} WHERE community_id = $1 AND created_at <= $2 AND moderation_state = 'VISIBLE' GROUP BY author_id`,
        [communityId, before],
      );
      return new Map(rows.map((r) => [r.author_id, r.n]));
    },
    summaries: async (manager, ids) =>
      (
        await manager.query(
          `SELECT f.id, coalesce(a.community_id, '${PLATFORM_SCOPE_ID}'::uuid) AS community_id, f.account_id AS author_id, coalesce(nullif(a.title, ''), a.draft_title) AS title,
                  coalesce(f.comment, '') AS body, coalesce(f.comment_html, '') AS body_html, f.created_at, f.moderation_state, f.comment IS NULL AS deleted, f.article_id AS parent_id
             FROM knowledge_article_feedback f JOIN knowledge_articles a ON a.id = f.article_id WHERE f.id = ANY($1)`,
          [ids],
        )
      ).map((r: Record<string, unknown>) => contentSummaryOf(ContentKind.KnowledgeFeedback, r)),
    setState: async (manager, id, state, options = {}) => {
      if (options.body !== undefined) {
        await manager.query(`UPDATE knowledge_article_feedback SET moderation_state = $2, comment = $3, comment_html = $4 WHERE id = $1`, [id, state, options.body, renderMarkdown(options.body)]);
      } else {
        await manager.query(`UPDATE knowledge_article_feedback SET moderation_state = $2 WHERE id = $1`, [id, state]);
      }
    },
  };
}
