import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuthorizationService, ConflictError, NotFoundError, type Viewer } from '@commons/server-core';
import { CommunityLifecycle } from '@commons/shared-contracts';
import { CommunityAction, type CommunityAccess } from './community-access';
import { CommunityRepository, type LoadedCommunity } from './community.repository';
import { CommunityEntity } from './entities/community.entity';
import { ReadersAccess } from './readers-access';

/**
 * The entry point every domain uses to act inside a community: load it as the viewer sees it
 * and ask the AuthorizationService. A community the viewer may not see is NOT_FOUND, exactly as
 * a missing one; a visible one they may not act on is FORBIDDEN.
 */
@Injectable()
export class CommunityAccessService {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly authorization: AuthorizationService,
    private readonly readers: ReadersAccess,
  ) {}

  /** Communities with the viewer's access facts, whether or not the viewer may see them (for checks that decide that). */
  load(viewer: Viewer, ids: readonly string[]): Promise<Map<string, LoadedCommunity>> {
    return this.communities.load(viewer, ids);
  }

  /** Only the viewer's access facts for one community, in one statement (null when it does not exist). */
  async facts(viewer: Viewer, communityId: string): Promise<CommunityAccess | null> {
    return (await this.communities.accessFacts(viewer, [communityId])).get(communityId) ?? null;
  }

  /** Facts for many communities in one statement (a feed page spanning communities). */
  factsMany(viewer: Viewer, communityIds: readonly string[]): Promise<Map<string, CommunityAccess>> {
    return this.communities.accessFacts(viewer, [...new Set(communityIds)]);
  }

  /**
   * Many accounts' facts for one community (delivering an event to its subscribers): kept
   * between events while nothing they are read from changes (see ReadersAccess).
   */
  factsOfAccounts(communityId: string, accountIds: readonly string[]): Promise<ReadonlyMap<string, CommunityAccess>> {
    return this.readers.of(communityId, accountIds);
  }

  async visible(viewer: Viewer, communityId: string): Promise<LoadedCommunity> {
    const loaded = (await this.communities.load(viewer, [communityId])).get(communityId);
    if (!loaded || !this.authorization.can(viewer, CommunityAction.View, loaded)) throw new NotFoundError('The community');
    return loaded;
  }

  /** Loads the community and asserts `action` on it. */
  async require(viewer: Viewer, communityId: string, action: string): Promise<LoadedCommunity> {
    const loaded = await this.visible(viewer, communityId);
    this.authorization.assert(viewer, action, loaded);
    return loaded;
  }

  can(viewer: Viewer, action: string, loaded: LoadedCommunity): boolean {
    return this.authorization.can(viewer, action, loaded);
  }

  /** Archived communities are read-only: settings and membership stay as they were. */
  assertNotArchived(community: CommunityEntity): void {
    if (community.lifecycle === CommunityLifecycle.Archived) {
      throw new ConflictError('This community is archived and read-only; restore it first.');
    }
  }

  /** Locks the community row for the rest of the transaction: membership invariants (a last manager) hold under concurrency. */
  async lock(manager: EntityManager, communityId: string): Promise<CommunityEntity> {
    const community = await manager.findOne(CommunityEntity, { where: { id: communityId }, lock: { mode: 'pessimistic_write' } });
    if (!community) throw new NotFoundError('The community');
    return community;
  }
}
