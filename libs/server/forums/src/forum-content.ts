import { Injectable } from '@nestjs/common';
import { AuthorizationService, ForbiddenError, ModerationGate, RidingWrites, NotFoundError, PolicyRejectedError, renderMarkdown, ValidationError, type ModerationOutcome, type Viewer } from '@commons/server-core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ModerationState, type ContentKind } from '@commons/shared-contracts';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { normalizeTag, TAGS_MAX } from '@commons/shared-contracts';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ForumAction } from './forum-access';
import { Mentions, type TagPages } from './mentions';

/**
 * What every forum write shares: the community as the viewer sees it (NOT_FOUND when they
 * cannot read it), the rule checks, Markdown rendering, tags, and the one moderation call.
 */
@Injectable()
export class ForumContent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly moderation: ModerationGate,
    private readonly mentions: Mentions,
    private readonly riding: RidingWrites,
  ) {}

  /** The viewer's facts for a community whose forum content they may read; NOT_FOUND otherwise. */
  async readable(viewer: Viewer, communityId: string, what: string): Promise<CommunityAccess> {
    const access = await this.communities.facts(viewer, communityId);
    if (!access || !this.authorization.can(viewer, ForumAction.Read, { access })) throw new NotFoundError(what);
    return access;
  }

  /** Content awaiting review (or rejected) exists only for its author and the community's moderators. */
  assertSees(viewer: Viewer, access: CommunityAccess, authorId: string, state: ModerationState, what: string): void {
    if (!this.sees(viewer, access, authorId, state)) throw new NotFoundError(what);
  }

  /** Whether the viewer may read a post in this state: the community's content, and not held from them. */
  sees(viewer: Viewer, access: CommunityAccess, authorId: string, state: ModerationState): boolean {
    if (!this.can(viewer, ForumAction.Read, access)) return false;
    return state === ModerationState.Visible || authorId === viewer.accountId || this.can(viewer, ForumAction.Moderate, access);
  }

  assert(viewer: Viewer, action: string, access: CommunityAccess, authorId?: string, refusal?: string): void {
    try {
      this.authorization.assert(viewer, action, { access, authorId });
    } catch (error) {
      throw error instanceof ForbiddenError && refusal ? new ForbiddenError(refusal) : error;
    }
  }

  can(viewer: Viewer, action: string, access: CommunityAccess, authorId?: string): boolean {
    return this.authorization.can(viewer, action, { access, authorId });
  }

  render(markdown: string): string {
    return renderMarkdown(markdown);
  }

  /**
   * Renders with @mentions resolved and records who was newly mentioned, in the write's transaction.
   * Inline #tags link to the forum's or the blog's pages of the tag (`tagPages`).
   */
  async renderPost(manager: EntityManager, communityId: string, contentId: string, markdown: string, tagPages: TagPages): Promise<string> {
    const { html, mentionedIds } = await this.mentions.render(manager, communityId, markdown, tagPages);
    if (mentionedIds.length > 0) {
      await manager.query(
        `INSERT INTO content_mentions (content_id, account_id, community_id, created_at)
         SELECT $1, unnest($2::uuid[]), $3, now() ON CONFLICT DO NOTHING`,
        [contentId, mentionedIds, communityId],
      );
    }
    return html;
  }

  /**
   * Inserts a new post's row, carrying the moderation decision judged for it and the events
   * recorded before it in the same statement (see RidingWrites).
   */
  insert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
    return this.riding.insertWith(manager, target, row);
  }

  /** Normalised, unique tags; BAD_USER_INPUT on `tags` when one has nothing left or there are too many. */
  tags(raw: string[]): string[] {
    const tags = [...new Set(raw.map(normalizeTag))];
    if (tags.some((t) => t === '')) throw ValidationError.field('tags', 'Tags need letters or digits.');
    if (tags.length > TAGS_MAX) throw ValidationError.field('tags', `Use at most ${TAGS_MAX} tags.`);
    return tags;
  }

  /**
   * A content write's transaction. When the policy rejects the post, the transaction rolls
   * back (nothing is stored) and the attempt is then recorded on its own for the audit log.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (error instanceof PolicyRejectedError) await this.moderation.recordRejection(error);
      throw error;
    }
  }

  /**
   * The single moderation call site of forum and blog content, made inside the write's
   * transaction (see `transaction`). Returns the state to store: VISIBLE or HELD for review;
   * throws POLICY_REJECTED, or FORBIDDEN when the author is muted.
   */
  moderate(
    manager: EntityManager,
    viewer: Viewer,
    access: CommunityAccess,
    post: { kind: ContentKind; contentId: string; isEdit: boolean; title: string | null; body: string; placement?: Record<string, unknown> },
  ): Promise<ModerationOutcome> {
    return this.moderation.evaluate(manager, {
      ...post,
      communityId: access.communityId,
      author: viewer,
      communityAudiences: access.audiences,
      memberSince: access.joinedAt,
    });
  }
}
