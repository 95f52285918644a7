import { Injectable } from '@nestjs/common';
import { Clock } from '@commons/server-core';
import type { CommunityAccess } from './community-access';
import { CommunityRepository } from './community.repository';

/** Readers' facts kept in all (about 0.3 KB each); the least recently used communities' go first beyond it. */
const MAX_KEPT_FACTS = 100_000;

/** One community's readers' facts, as of one access version. */
interface KeptFacts {
  version: string;
  facts: Map<string, CommunityAccess>;
  /** When the first of these facts changes by itself (a ban ending), in ms. */
  until: number;
}

/**
 * The access facts of a community's readers for realtime delivery, which authorizes every
 * event for every subscriber: read for thousands of readers once, then kept while the
 * community's access version stays the same (any write to what the facts are read from
 * changes it, in its transaction) and no ban among them has ended. Each event then costs one
 * small read of the version, and the facts of readers who arrived since. Calls about a few
 * readers (a catch-up, a small thread, the moderators) add to what is kept, never replace it.
 *
 * The version is read before the facts it labels, so facts are never older than their label:
 * a write between the two only makes the next event read them again.
 */
@Injectable()
export class ReadersAccess {
  private readonly kept = new Map<string, KeptFacts>();
  private keptFacts = 0;

  constructor(
    private readonly communities: CommunityRepository,
    private readonly clock: Clock,
  ) {}

  /** Facts for at least `accountIds` (an account without facts may not read the community). */
  async of(communityId: string, accountIds: readonly string[]): Promise<ReadonlyMap<string, CommunityAccess>> {
    const version = await this.communities.accessVersion(communityId);
    const now = this.clock.now().getTime();
    const kept = this.kept.get(communityId);
    const usable = kept && kept.version === version && now < kept.until && kept.facts.size <= MAX_KEPT_FACTS;
    const entry: KeptFacts = usable ? kept : { version, facts: new Map(), until: Infinity };
    const missing = [...new Set(accountIds.filter((id) => !entry.facts.has(id)))];
    if (missing.length > 0) {
      const read = await this.communities.accessFactsOfAccounts(communityId, missing);
      for (const [accountId, timed] of read) {
        entry.facts.set(accountId, timed.access);
        entry.until = Math.min(entry.until, timed.until);
      }
    }
    this.keep(communityId, entry);
    return entry.facts;
  }

  /** Keeps the entry as the most recently used, within MAX_KEPT_FACTS (one community's alone may exceed it, until its next call). */
  private keep(communityId: string, entry: KeptFacts): void {
    const previous = this.kept.get(communityId);
    if (previous) {
      this.keptFacts -= previous.facts.size;
      // Refresh its place: the map's order is least recently used first.
      this.kept.delete(communityId);
    }
    this.kept.set(communityId, entry);
    this.keptFacts += entry.facts.size;
    for (const [id, oldest] of this.kept) {
      if (this.keptFacts <= MAX_KEPT_FACTS || id === communityId) break;
      this.kept.delete(id);
      this.keptFacts -= oldest.facts.size;
    }
  }
}
