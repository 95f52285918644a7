import { Injectable } from '@nestjs/common';
import { AuthorizationService, ForbiddenError, NotFoundError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, type CommunityAccess } from '@commons/server-communities';
import { UseCase } from '@commons/shared-contracts';
import { ArticleAction, type ArticleResource } from './article-access';

/** Where knowledge lives: platform-wide (null) or a community, as the viewer may reach it. */
@Injectable()
export class ArticleScope {
  constructor(
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {}

  /** The viewer's facts for an article's community (null for platform-wide); NOT_FOUND when they cannot see the community at all. */
  async access(viewer: Viewer, communityId: string | null, what: string): Promise<CommunityAccess | null> {
    if (!communityId) return null;
    const access = await this.communities.facts(viewer, communityId);
    if (!access) throw new NotFoundError(what);
    return access;
  }

  /** A scope the viewer manages knowledge in; communities need the knowledge use case. */
  async managed(viewer: Viewer, communityId: string | null | undefined): Promise<CommunityAccess | null> {
    if (!communityId) {
      this.assert(viewer, ArticleAction.Manage, { access: null }, 'Only the programme team manages platform-wide knowledge.');
      return null;
    }
    const loaded = await this.communities.visible(viewer, communityId);
    if (!loaded.community.useCases.includes(UseCase.Knowledge)) throw new ForbiddenError('This community does not have a knowledge base.');
    this.assert(viewer, ArticleAction.Manage, { access: loaded.access }, "Only the community's managers manage its knowledge.");
    return loaded.access;
  }

  /** The scope's readers: NOT_FOUND for a community whose content the viewer may not read. */
  async readable(viewer: Viewer, communityId: string | null | undefined): Promise<CommunityAccess | null> {
    if (!communityId) return null;
    const access = await this.access(viewer, communityId, 'The community');
    if (!this.authorization.can(viewer, ArticleAction.Read, { access })) throw new NotFoundError('The community');
    return access;
  }

  assert(viewer: Viewer, action: string, resource: ArticleResource, refusal?: string): void {
    try {
      this.authorization.assert(viewer, action, resource);
    } catch (error) {
      throw error instanceof ForbiddenError && refusal ? new ForbiddenError(refusal) : error;
    }
  }

  can(viewer: Viewer, action: string, resource: ArticleResource): boolean {
    return this.authorization.can(viewer, action, resource);
  }
}
