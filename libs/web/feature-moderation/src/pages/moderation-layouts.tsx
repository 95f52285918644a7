import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorCode } from '@commons/shared-contracts';
import { CommunityModerationDocument, ModerationCommunityDocument, MyModeratedCommunitiesDocument, isNotFound, toApiError } from '@commons/web-data-access';
import { CommunityNotFound, QueryState } from '@commons/web-ui';
import { SectionNav } from '../components/section-nav';
import { communityModerationPath, type ModerationScope } from '../moderation-scope';
import { useModerationAccess } from '../viewer';
import { QueueScreen } from './queue-screen';

function NotAllowed({ what, back }: { what: string; back?: { to: string; label: string } }) {
  return (
    <Stack>
      <Title order={2}>Not available to you</Title>
      <Text c="dimmed">{what}</Text>
      {back && (
        <Anchor component={Link} to={back.to} underline="always" w="fit-content">
          {back.label}
        </Anchor>
      )}
    </Stack>
  );
}

function CommunityArea({ community }: { community: { id: string; slug: string; name: string } }) {
  const { data, loading, error, refetch } = useQuery(CommunityModerationDocument, { variables: { communityId: community.id } });
  const apiError = toApiError(error);
  const back = { to: `/communities/${community.slug}`, label: `Back to ${community.name}` };
  if (apiError?.code === ErrorCode.Forbidden) return <NotAllowed what={`Only the moderators and managers of ${community.name} moderate it.`} back={back} />;
  const moderation = data?.communityModeration;
  const scope: ModerationScope | null = moderation
    ? { communityId: community.id, slug: community.slug, name: community.name, base: communityModerationPath(community.slug), viewerCan: moderation.viewerCan }
    : null;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={back.to} size="sm" underline="always" w="fit-content">
          {back.label}
        </Anchor>
        <Title order={2}>Moderation</Title>
        <Text c="dimmed">{community.name}</Text>
      </Stack>
      <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
        {scope && moderation && (
          <Stack gap="lg">
            <SectionNav
              base={scope.base}
              sections={[
                { to: '', label: 'Queue', count: moderation.pendingCount },
                { to: 'policy', label: 'Policy' },
                { to: 'sanctions', label: 'Sanctions' },
                { to: 'appeals', label: 'Appeals' },
                { to: 'audit', label: 'Audit log' },
              ]}
            />
            <Outlet context={scope} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/**
 * A community's moderation at /communities/:slug/moderation: the queue, the policy, sanctions,
 * appeals and the audit log, for its moderators and managers. A former slug moves to the current one.
 */
export function CommunityModerationLayout() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const { data, loading, error, refetch } = useQuery(ModerationCommunityDocument, { variables: { slug } });
  const apiError = toApiError(error);
  const current = data?.community.slug;
  useEffect(() => {
    if (current && current !== slug) void navigate(`${communityModerationPath(current)}${pathname.slice(communityModerationPath(slug).length)}${search}`, { replace: true });
  }, [current, slug, pathname, search, navigate]);
  if (isNotFound(apiError)) return <CommunityNotFound />;
  const community = data?.community;
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {community &&
        (community.viewerCan.moderate || community.viewerCan.manage ? (
          <CommunityArea key={community.id} community={community} />
        ) : (
          <NotAllowed what={`Only the moderators and managers of ${community.name} moderate it.`} back={{ to: `/communities/${community.slug}`, label: `Back to ${community.name}` }} />
        ))}
    </QueryState>
  );
}

const PLATFORM: ModerationScope = { communityId: null, slug: null, name: 'the platform', base: '/moderation', viewerCan: { moderate: true, managePolicy: true } };

/** The communities the viewer moderates or manages, each leading to its moderation. */
function ModeratedCommunities() {
  const { data, loading, error, refetch } = useQuery(MyModeratedCommunitiesDocument);
  const communities = (data?.myCommunities.edges ?? []).map((e) => e.node).filter((c) => c.viewerCan.moderate || c.viewerCan.manage);
  return (
    <Stack gap="sm" component="section" aria-labelledby="moderated-heading">
      <Title order={3} id="moderated-heading">
        Communities you moderate
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={communities.length === 0} emptyText="You do not moderate or manage any community." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Communities you moderate">
          {communities.map((community) => (
            <Paper component="li" key={community.id} withBorder p="sm" radius="md">
              <Group justify="space-between">
                <Anchor component={Link} to={communityModerationPath(community.slug)} fw={600}>
                  {community.name}
                </Anchor>
                <Group gap="sm">
                  <Anchor component={Link} to={communityModerationPath(community.slug, '/policy')} size="sm">
                    Policy
                  </Anchor>
                  <Anchor component={Link} to={communityModerationPath(community.slug, '/appeals')} size="sm">
                    Appeals
                  </Anchor>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      </QueryState>
    </Stack>
  );
}

/**
 * /moderation: platform admins review every community's queue (escalated items first) and
 * keep the platform's policies, sanctions, appeals and audit log; community moderators find
 * their communities' moderation here.
 */
export function PlatformModerationLayout() {
  const { admin, moderates, loading } = useModerationAccess();
  if (loading) return <QueryState loading error={null}>{null}</QueryState>;
  if (!admin) {
    return (
      <Stack gap="lg">
        <Title order={2}>Moderation</Title>
        {moderates ? <ModeratedCommunities /> : <NotAllowed what="Moderation is for platform administrators and the moderators and managers of communities." />}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2}>Moderation</Title>
        <Text c="dimmed">Every community, and the platform’s own rules.</Text>
      </Stack>
      <SectionNav
        base="/moderation"
        sections={[
          { to: '', label: 'Queue' },
          { to: 'policies', label: 'Platform policies' },
          { to: 'sanctions', label: 'Sanctions' },
          { to: 'appeals', label: 'Appeals' },
          { to: 'audit', label: 'Audit log' },
          { to: 'communities', label: 'Your communities' },
        ]}
      />
      <Outlet context={PLATFORM} />
    </Stack>
  );
}

/** The platform queue for admins. */
export function PlatformQueue() {
  return <QueueScreen />;
}

export { ModeratedCommunities };
