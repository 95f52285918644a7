import { Injectable } from '@nestjs/common';
import { AuthorizationService, ForbiddenError, ModerationGate, NotFoundError, renderMarkdown, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { normalizeTag, TAGS_MAX } from '@commons/shared-contracts';
import type { EntityManager } from 'typeorm';
import { ForumAction } from './forum-access';
import { Mentions } from './mentions';

/**
 * What every forum write shares: the community as the viewer sees it (NOT_FOUND when they
 * cannot read it), the rule checks, Markdown rendering, tags, and the one moderation call.
 */
@Injectable()
export class ForumContent {
  constructor(
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly moderation: ModerationGate,
    private readonly mentions: Mentions,
  ) {}

  /** The viewer's facts for a community whose forum content they may read; NOT_FOUND otherwise. */
  async readable(viewer: Viewer, communityId: string, what: string): Promise<CommunityAccess> {
    const access = await this.communities.facts(viewer, communityId);
    if (!access || !this.authorization.can(viewer, ForumAction.Read, { access })) throw new NotFoundError(what);
    return access;
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

  /** Renders with @mentions resolved and records who was newly mentioned, in the write's transaction. */
  async renderPost(manager: EntityManager, communityId: string, contentId: string, markdown: string): Promise<string> {
    const { html, mentionedIds } = await this.mentions.render(manager, communityId, markdown);
    if (mentionedIds.length > 0) {
      await manager.query(
        `INSERT INTO content_mentions (content_id, account_id, community_id, created_at)
         SELECT $1, unnest($2::uuid[]), $3, now() ON CONFLICT DO NOTHING`,
        [contentId, mentionedIds, communityId],
      );
    }
    return html;
  }

  /** Normalised, unique tags; BAD_USER_INPUT on `tags` when one has nothing left or there are too many. */
  tags(raw: string[]): string[] {
    const tags = [...new Set(raw.map(normalizeTag))];
    if (tags.some((t) => t === '')) throw ValidationError.field('tags', 'Tags need letters or digits.');
    if (tags.length > TAGS_MAX) throw ValidationError.field('tags', `Use at most ${TAGS_MAX} tags.`);
    return tags;
  }

  /**
   * The single moderation call site of forum and blog content, made inside the write's transaction.
   * Held content is not supported until the moderation domain adds the review queue, so a
   * HOLD is refused like a rejection, with its reason.
   */
  async moderate(manager: EntityManager, viewer: Viewer, kind: string, communityId: string, text: string, contentId: string | null) {
    const decision = await this.moderation.evaluate(manager, { kind, communityId, author: viewer, text, contentId });
    if (decision.outcome !== 'ALLOW') throw new ForbiddenError(decision.reason);
  }
}
