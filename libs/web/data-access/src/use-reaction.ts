import { useMutation } from '@apollo/client/react';
import { toggledReactions, type Reaction, type ReactionKind } from '@commons/shared-contracts';
import { ReactDocument } from './generated/graphql';
import { useAction } from './use-action';

/** The kinds of post that carry reactions, as the cache names them. */
export type ReactionTargetType = 'Thread' | 'Reply' | 'BlogPost' | 'BlogComment';

/**
 * Turning one of the viewer's reactions on a post, reply or comment on or off: shown at once
 * (optimistically), then the server's counts replace it; a refusal is in `error`.
 */
export function useReaction(type: ReactionTargetType, id: string, reactions: readonly Reaction[]) {
  const [react] = useMutation(ReactDocument);
  const action = useAction();
  const toggle = (kind: ReactionKind, on: boolean) =>
    void action.run(() =>
      react({
        variables: { input: { targetId: id, kind, on } },
        optimisticResponse: { react: toggledReactions(reactions, kind, on).map((r) => ({ __typename: 'ReactionCount' as const, ...r })) },
        // The answer is the counts alone (no id of their own): they replace the target's.
        update: (cache, { data }) => {
          if (!data) return;
          cache.modify({
            id: cache.identify({ __typename: type, id }),
            fields: { reactions: () => data.react.map((r) => ({ __typename: 'ReactionCount', ...r })) },
          });
        },
      }),
    );
  return { toggle, error: action.error };
}
