import { useQuery } from '@apollo/client/react';
import { ForumThreadDocument, useEditorSuggestions } from '@commons/web-data-access';
import { MarkdownEditor, type MarkdownEditorProps } from '@commons/web-ui';

/** The community of a thread already on screen, read from the cache (no request of its own). */
export function useThreadCommunityId(threadId: string): string | null {
  const { data } = useQuery(ForumThreadDocument, { variables: { id: threadId }, fetchPolicy: 'cache-only' });
  return data?.thread.communityId ?? null;
}

/**
 * The Markdown editor of forum posts: required, suggesting after "@" the people who may read
 * the community and after "#" its tags.
 */
export function ForumEditor({ communityId, ...props }: Omit<MarkdownEditorProps, 'suggestMentions' | 'suggestTags'> & { communityId: string | null }) {
  const suggestions = useEditorSuggestions(communityId);
  return <MarkdownEditor required submitHint="posts" {...suggestions} {...props} />;
}
