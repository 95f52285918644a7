import { REACTION_KINDS, type ReactionKind } from './community';

/** One kind of reaction on a post: how many gave it, and whether the viewer is among them. */
export interface Reaction {
  kind: ReactionKind;
  count: number;
  mine: boolean;
}

/**
 * The counts after the viewer turns one reaction on or off: what the server will answer (kinds
 * in their declared order, kinds nobody gave left out), for an optimistic response.
 */
export function toggledReactions(reactions: readonly Reaction[], kind: ReactionKind, on: boolean): Reaction[] {
  const current = reactions.find((r) => r.kind === kind) ?? { kind, count: 0, mine: false };
  const changed = current.mine === on ? current : { kind, mine: on, count: Math.max(0, current.count + (on ? 1 : -1)) };
  return REACTION_KINDS.flatMap((k) => {
    const r = k === kind ? changed : reactions.find((x) => x.kind === k);
    return r && r.count > 0 ? [{ kind: r.kind, count: r.count, mine: r.mine }] : [];
  });
}
