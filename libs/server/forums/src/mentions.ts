import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuthorizationService, hasInlineTags, renderMarkdown, type RenderOptions, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import type { Audience, PlatformRole } from '@commons/shared-contracts';

/** How the editor writes a chosen person: `@[Ada Lovelace](mention:0190…)`. */
const MENTION = /@\[([^\]\n]{1,80})\]\(mention:([0-9a-f-]{36})\)/giu;

/** Which of a community's pages inline #tags open: the forum's tag page, or the blog's posts with the tag. */
export type TagPages = 'forum' | 'blog';

/** Markdown with its mentions resolved, and who was mentioned (for notifications). */
export interface RenderedText {
  html: string;
  mentionedIds: string[];
}

/**
 * Renders Markdown with @mentions. A mention links to the person only when they may read
 * the community's content; otherwise it stays the plain text the author typed, so nobody is
 * mentioned into a place they cannot read and no link reveals who exists there.
 */
@Injectable()
export class Mentions {
  constructor(
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {}

  /** `tagPages`: where inline #tags link to, the community forum's tag pages or its blog's; none when absent. */
  async render(manager: EntityManager, communityId: string, markdown: string, tagPages?: TagPages): Promise<RenderedText> {
    const ids = [...new Set([...markdown.matchAll(MENTION)].map((m) => m[2].toLowerCase()))].slice(0, 50);
    const allowed = new Set<string>();
    if (ids.length > 0) {
      const people: Array<{ id: string; role: PlatformRole; audience: Audience }> = await manager.query(
        'SELECT id, role, audience FROM accounts WHERE id = ANY($1::uuid[]) AND suspended_at IS NULL',
        [ids],
      );
      for (const person of people) {
        const asThem: Viewer = { accountId: person.id, sessionId: 'mention', role: person.role, audience: person.audience };
        const access = await this.communities.facts(asThem, communityId);
        if (access && this.authorization.can(asThem, CommunityAction.ReadContent, { access })) allowed.add(person.id);
      }
    }
    const source = markdown.replace(MENTION, (_all, name: string, id: string) => {
      const label = name.replace(/[[\]]/gu, '');
      return allowed.has(id.toLowerCase()) ? `[@${label}](/people/${id.toLowerCase()})` : `@${label}`;
    });
    return { html: renderMarkdown(source, tagPages ? await this.tagLinks(manager, communityId, source, tagPages) : {}), mentionedIds: [...allowed] };
  }

  /** Links to the community's tag pages; its slug is read only when the text has a tag to link. */
  private async tagLinks(manager: EntityManager, communityId: string, markdown: string, pages: TagPages): Promise<RenderOptions> {
    if (!hasInlineTags(markdown)) return {};
    const [community]: Array<{ slug: string }> = await manager.query('SELECT slug FROM communities WHERE id = $1', [communityId]);
    if (!community) return {};
    const base = `/communities/${encodeURIComponent(community.slug)}`;
    return { tagHref: (tag) => (pages === 'forum' ? `${base}/forum/tags/${encodeURIComponent(tag)}` : `${base}/blog?tag=${encodeURIComponent(tag)}`) };
  }
}
