import { Injectable } from '@nestjs/common';
import type { Viewer } from '@commons/server-core';
import { byKeys, LoaderKey, type GraphqlContext } from '@commons/server-graphql';
import { ArticleFeedbackService } from './article-feedback.service';
import { ArticleRepository, type PersonRow } from './article.repository';
import { PromoteAcceptedAnswer, type SourceThread } from './promote-accepted-answer';
import type { KnowledgeArticleFeedbackEntity } from './entities/knowledge-article-feedback.entity';

const PEOPLE = new LoaderKey<string, PersonRow | null>('knowledge-people');
const SOURCES = new LoaderKey<string, SourceThread | null>('knowledge-source-threads');
const FEEDBACK = new LoaderKey<string, KnowledgeArticleFeedbackEntity | null>('knowledge-viewer-feedback');

/** What a page of articles needs beyond its rows, one statement per kind for the page. */
@Injectable()
export class ArticleLoaders {
  constructor(
    private readonly repository: ArticleRepository,
    private readonly promotion: PromoteAcceptedAnswer,
    private readonly feedback: ArticleFeedbackService,
  ) {}

  people(ctx: GraphqlContext) {
    return ctx.loaders.get(PEOPLE, async (ids) => byKeys(ids, await this.repository.people(ids), (p) => p.id, (p) => p, null));
  }

  sourceThread(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(SOURCES, async (ids) => {
      const found = await this.promotion.sources(viewer, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  viewerFeedback(ctx: GraphqlContext, viewer: Viewer) {
    return ctx.loaders.get(FEEDBACK, async (ids) => byKeys(ids, await this.feedback.mine(viewer.accountId, ids), (f) => f.articleId, (f) => f, null));
  }
}
