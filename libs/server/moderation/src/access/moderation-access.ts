import { Injectable } from '@nestjs/common';
import { AuthorizationService, ForbiddenError, PlatformAction, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction, type LoadedCommunity } from '@commons/server-communities';
import { PlatformRole } from '@commons/shared-contracts';

/**
 * Who may do what in moderation, asked of the one AuthorizationService: a community's
 * moderators and managers act on its queue, sanctions, appeals and log; its managers on its
 * policy; platform admins on everything, including the platform's own policies and suspensions.
 * A community the viewer may not even see is NOT_FOUND, so a secret community stays secret.
 */
@Injectable()
export class ModerationAccess {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly communities: CommunityAccessService,
  ) {}

  async moderatorOf(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    const loaded = await this.communities.visible(viewer, communityId);
    this.authorization.assert(viewer, CommunityAction.Moderate, loaded);
    return loaded;
  }

  async managerOf(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    const loaded = await this.communities.visible(viewer, communityId);
    this.authorization.assert(viewer, CommunityAction.Manage, loaded);
    return loaded;
  }

  can(viewer: Viewer, action: typeof CommunityAction.Moderate | typeof CommunityAction.Manage, loaded: LoadedCommunity): boolean {
    return this.authorization.can(viewer, action, loaded);
  }

  assertAdmin(viewer: Viewer, refusal = 'Only platform admins can do that.'): void {
    if (!this.isAdmin(viewer)) throw new ForbiddenError(refusal);
    this.authorization.assert(viewer, PlatformAction.Administer);
  }

  isAdmin(viewer: Viewer): boolean {
    return viewer.role === PlatformRole.Admin;
  }
}
