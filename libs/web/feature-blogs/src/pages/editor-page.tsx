import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { BlogPostForEditDocument, BlogSettingsDocument, isNotFound, toApiError } from '@commons/web-data-access';
import { CommunityNotFound, NotFound, QueryState } from '@commons/web-ui';
import { blogPath, NoBlog, postPath, useBlogCommunity } from '../blog-community';
import { PostEditor } from './post-editor';

function CannotWrite({ title, text, back }: { title: string; text: string; back: { to: string; label: string } }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Text>{text}</Text>
      <Anchor component={Link} to={back.to} underline="always" w="fit-content">
        {back.label}
      </Anchor>
    </Stack>
  );
}

/**
 * The editor at /communities/:slug/blog/new and /communities/:slug/blog/:postSlug/edit. A new
 * post moves to its edit address once saved; the editor stays as it is (same element, and the
 * draft is read from the cache), so typing goes on undisturbed.
 */
export function EditorPage() {
  const { slug = '', postSlug } = useParams();
  const { community, loading, error, refetch } = useBlogCommunity(slug, postSlug ? `/${postSlug}/edit` : '/new');
  // The draft this editor created: its edit address keeps the same editor.
  const [createdSlug, setCreatedSlug] = useState<string | null>(null);
  const settings = useQuery(BlogSettingsDocument, { variables: { communityId: community?.id ?? '' }, skip: !community || Boolean(postSlug) });
  const edited = useQuery(BlogPostForEditDocument, { variables: { communityId: community?.id ?? '', slug: postSlug ?? '' }, skip: !community || !postSlug });
  const postError = toApiError(postSlug ? edited.error : settings.error);
  if (isNotFound(error)) return <CommunityNotFound />;
  if (community && isNotFound(postError)) return <NotFound what="Post" back={{ to: blogPath(community.slug), label: `Back to the ${community.name} blog` }} />;

  const post = postSlug ? (edited.data?.blogPost ?? null) : null;
  const waiting = loading || (Boolean(community) && (postSlug ? !edited.data : !settings.data));
  const key = !postSlug || postSlug === createdSlug ? 'new' : `edit:${postSlug}`;
  return (
    <QueryState
      loading={waiting && !error && !postError}
      error={error ?? postError}
      onRetry={() => void (community ? (postSlug ? edited.refetch() : settings.refetch()) : refetch())}
    >
      {community &&
        (!postSlug && !community.useCases.includes('BLOGS') ? (
          <NoBlog community={community} />
        ) : !postSlug && settings.data && !settings.data.blogSettings.viewerCanWrite ? (
          <CannotWrite
            title="You cannot write here"
            text={settings.data.blogSettings.authors === 'MANAGERS' ? 'Only the community’s managers write in this blog.' : 'Only members who may take part write in this blog.'}
            back={{ to: blogPath(community.slug), label: `Back to the ${community.name} blog` }}
          />
        ) : post && !post.viewerCan.edit ? (
          <CannotWrite title="You cannot edit this post" text="Only its authors and the community’s managers edit it." back={{ to: postPath(community.slug, post.slug), label: 'Back to the post' }} />
        ) : (
          <PostEditor key={key} community={community} post={post} onCreated={setCreatedSlug} />
        ))}
    </QueryState>
  );
}
