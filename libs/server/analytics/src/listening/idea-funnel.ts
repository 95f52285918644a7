/** Where an idea is: its stages, in order. */
export const IdeaStatus = { New: 'NEW', UnderReview: 'UNDER_REVIEW', Planned: 'PLANNED', Done: 'DONE' } as const;
export type IdeaStatus = (typeof IdeaStatus)[keyof typeof IdeaStatus];
export const IDEA_STATUSES: readonly IdeaStatus[] = Object.values(IdeaStatus);

/** Tags that make a forum thread an idea. */
export const IDEA_TAGS: readonly string[] = ['idea', 'ideas'];
/** The tag that puts an idea in each stage after NEW. */
export const STATUS_TAGS: Readonly<Record<Exclude<IdeaStatus, 'NEW'>, string>> = { UNDER_REVIEW: 'under-review', PLANNED: 'planned', DONE: 'done' };

/** The convention, for the API's descriptions. */
export const IDEA_CONVENTION =
  'Ideas are forum threads tagged "idea" or "ideas" (deleted, held and removed threads do not count). Their status is read from their tags when you ask: ' +
  '"done" → DONE, else "planned" → PLANNED, else "under-review" → UNDER_REVIEW, else NEW (the furthest stage wins). Managers move an idea by editing its tags.';

export interface IdeaCounts {
  /** Ideas now in each stage. */
  NEW: number;
  UNDER_REVIEW: number;
  PLANNED: number;
  DONE: number;
}

export interface FunnelStage {
  status: IdeaStatus;
  /** Ideas now in this stage. */
  count: number;
  /** Ideas that got at least this far (this stage and the ones after it). */
  reached: number;
  /** reached ÷ all ideas; null without ideas. */
  shareOfIdeas: number | null;
  /** reached ÷ the ideas that reached the stage before (conversion from it); null for NEW or when none did. */
  conversion: number | null;
}

/** The funnel from the ideas now in each stage. */
export function funnel(counts: IdeaCounts): FunnelStage[] {
  const total = IDEA_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  let previous: number | null = null;
  return IDEA_STATUSES.map((status, i) => {
    const reached = IDEA_STATUSES.slice(i).reduce((sum, s) => sum + counts[s], 0);
    const stage: FunnelStage = {
      status,
      count: counts[status],
      reached,
      shareOfIdeas: total > 0 ? reached / total : null,
      conversion: previous === null || previous === 0 ? null : reached / previous,
    };
    previous = reached;
    return stage;
  });
}
