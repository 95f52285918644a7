import { useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { CommunityTagsDocument, MentionCandidatesDocument } from './generated/graphql';

/** A person or tag as the Markdown editor offers it (the shape of web-ui's `Suggestion`). */
export interface EditorSuggestion {
  id: string;
  label: string;
  detail?: string;
}

/**
 * What the Markdown editor suggests while someone writes in a community: after "@", people
 * who may read it (the server leaves out everyone else, so nobody is mentioned into a place
 * they cannot read); after "#", its tags, most used first. Nothing without a community.
 * The functions keep their identity while the community does.
 */
export function useEditorSuggestions(communityId: string | null | undefined): {
  suggestMentions?: (search: string) => Promise<EditorSuggestion[]>;
  suggestTags?: (prefix: string) => Promise<EditorSuggestion[]>;
} {
  const client = useApolloClient();
  return useMemo(() => {
    if (!communityId) return {};
    return {
      suggestMentions: async (search: string) => {
        const { data } = await client.query({ query: MentionCandidatesDocument, variables: { communityId, search } });
        return (data?.mentionCandidates ?? []).map((person) => ({
          id: person.id,
          label: person.displayName,
          detail: [person.title, person.department].filter(Boolean).join(' · ') || undefined,
        }));
      },
      suggestTags: async (prefix: string) => {
        const { data } = await client.query({ query: CommunityTagsDocument, variables: { communityId, prefix } });
        return (data?.communityTags ?? []).map(({ tag, count }) => ({ id: tag, label: tag, detail: count === 1 ? '1 thread' : `${count.toLocaleString('en')} threads` }));
      },
    };
  }, [client, communityId]);
}
