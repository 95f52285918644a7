import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, ForbiddenError, NotFoundError, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { ForumAction } from '@commons/server-forums';
import { UseCase } from '@commons/shared-contracts';
import { isProgrammeTeam } from '../knowledge-roles';
import { ArticleKind } from './article-states';
import { ArticlesService, type LoadedArticle } from './articles.service';

export interface SourceThread {
  id: string;
  title: string;
  communityId: string;
  communitySlug: string;
}

/**
 * Turns a forum question's accepted answer into a draft article in one step: the thread's
 * community managers or the programme team. The draft goes to the community's knowledge base
 * when it has one, otherwise platform-wide (which only the programme team runs).
 */
@Injectable()
export class PromoteAcceptedAnswer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly articles: ArticlesService,
  ) {}

  async promote(viewer: Viewer, threadId: string): Promise<LoadedArticle> {
    const [thread]: Array<{ id: string; community_id: string; title: string; body: string; tags: string[]; accepted_body: string | null }> = await this.dataSource.query(
      `SELECT t.id, t.community_id, t.title, t.body, t.tags, r.body AS accepted_body
         FROM forum_threads t LEFT JOIN forum_replies r ON r.id = t.accepted_reply_id AND r.deleted_at IS NULL AND r.moderation_state = 'VISIBLE'
        WHERE t.id = $1 AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE'`,
      [threadId],
    );
    if (!thread) throw new NotFoundError('The thread');
    const loaded = await this.communities.visible(viewer, thread.community_id).catch(() => {
      throw new NotFoundError('The thread');
    });
    if (!this.authorization.can(viewer, ForumAction.Read, { access: loaded.access })) throw new NotFoundError('The thread');
    const managesCommunity = this.authorization.can(viewer, CommunityAction.Manage, { access: loaded.access });
    if (!managesCommunity && !isProgrammeTeam(viewer)) throw new ForbiddenError("Only the community's managers and the programme team promote answers to articles.");
    if (thread.accepted_body === null) throw ValidationError.field('threadId', 'This thread has no accepted answer yet.');
    const inCommunity = loaded.community.useCases.includes(UseCase.Knowledge) && managesCommunity;
    if (!inCommunity && !isProgrammeTeam(viewer)) {
      throw new ForbiddenError('This community has no knowledge base; the programme team can promote the answer to the platform-wide one.');
    }
    const body = `${thread.body.trim()}\n\n## Answer\n\n${thread.accepted_body.trim()}\n`;
    return this.articles.create(
      viewer,
      {
        communityId: inCommunity ? thread.community_id : null,
        collectionId: null,
        kind: ArticleKind.Faq,
        title: thread.title.slice(0, 200),
        body,
        tags: thread.tags,
        ownerIds: [],
        reviewerIds: [],
        sharedExternally: false,
        reviewPeriodDays: null,
      },
      thread.id,
    );
  }

  /** The source threads of these articles the viewer may read (one statement for the thread rows). */
  async sources(viewer: Viewer, threadIds: readonly string[]): Promise<Map<string, SourceThread>> {
    const found = new Map<string, SourceThread>();
    if (threadIds.length === 0) return found;
    const rows: Array<{ id: string; title: string; community_id: string; slug: string }> = await this.dataSource.query(
      `SELECT t.id, t.title, t.community_id, c.slug FROM forum_threads t JOIN communities c ON c.id = t.community_id
        WHERE t.id = ANY($1::uuid[]) AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE'`,
      [threadIds],
    );
    const access = await this.communities.factsMany(viewer, [...new Set(rows.map((r) => r.community_id))]);
    for (const r of rows) {
      const facts = access.get(r.community_id);
      // A platform-wide article may come from a private community: its readers see the link only when they may read the thread.
      if (facts && this.authorization.can(viewer, ForumAction.Read, { access: facts })) found.set(r.id, { id: r.id, title: r.title, communityId: r.community_id, communitySlug: r.slug });
    }
    return found;
  }
}
