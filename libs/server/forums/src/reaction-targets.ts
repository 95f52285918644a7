import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a reaction needs to know about the thing reacted to. */
export interface ReactionTarget {
  id: string;
  communityId: string;
  deleted: boolean;
  /** Whose post it is (their notifications say who reacted). */
  authorId: string;
  /** What its readers subscribe to: the thread of a reply, the blog post of a comment, else itself. */
  subjectId: string;
}

export type ReactionTargetLocator = (manager: EntityManager, id: string) => Promise<ReactionTarget | null>;

/**
 * Where reactable things live. Forums register threads and replies; other content domains
 * (blog posts and comments) register theirs, so one reaction table and one rule serve all.
 */
@Injectable()
export class ReactionTargets {
  private readonly locators: ReactionTargetLocator[] = [];

  register(locator: ReactionTargetLocator): void {
    this.locators.push(locator);
  }

  async find(manager: EntityManager, id: string): Promise<ReactionTarget | null> {
    for (const locate of this.locators) {
      const target = await locate(manager, id);
      if (target) return target;
    }
    return null;
  }
}

/** Reactions of a post (alias `target`), counted per kind, with whether the viewer (`viewer` placeholder) is among them. */
export function reactionSummarySql(target: string, viewer: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object('kind', x.kind, 'count', x.n, 'mine', x.mine) ORDER BY x.kind)
      FROM (SELECT kind, count(*)::int AS n, bool_or(account_id = ${viewer}) AS mine
              FROM forum_reactions WHERE target_id = ${target}.id GROUP BY kind) x), '[]'::json)`;
}
