import type { ReactionKind } from '@commons/shared-contracts';

/** The reactions, in the order the bar shows them. The emoji is decoration: the word is the name. */
export const REACTION: Record<ReactionKind, { label: string; emoji: string }> = {
  LIKE: { label: 'Like', emoji: '👍' },
  HELPFUL: { label: 'Helpful', emoji: '🙌' },
  INSIGHTFUL: { label: 'Insightful', emoji: '💡' },
  CELEBRATE: { label: 'Celebrate', emoji: '🎉' },
};
