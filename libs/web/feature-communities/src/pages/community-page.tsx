import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Blockquote, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CommunityDocument, isNotFound, toApiError, type CommunityQuery } from '@commons/web-data-access';
import { CommunityNotFound, QueryState, SanitizedHtml } from '@commons/web-ui';
import { BadgeRow, IntentBadge, LifecycleBadge } from '../components/community-badges';
import { useCurrentSlug } from '../community-query';
import { INTENT, USE_CASE, VISIBILITY, audienceList } from '../labels';
import { CommunityMembers } from './community-members';
import { CommunityObjectives } from './community-objectives';
import { MembershipActions } from './membership-actions';

type Community = CommunityQuery['community'];

function CommunityView({ community, onStale }: { community: Community; onStale: () => void }) {
  const intent = INTENT[community.intent];
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/communities" size="sm" underline="always" w="fit-content">
          All communities
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Title order={2}>{community.name}</Title>
          {community.viewerCan.manage && (
            <Group gap="xs">
              <Button component={Link} to={`/communities/${community.slug}/manage`} variant="light" size="sm">
                Manage members
              </Button>
              <Button component={Link} to={`/communities/${community.slug}/settings`} variant="default" size="sm">
                Settings
              </Button>
              <Button component={Link} to={`/communities/${community.slug}/metrics`} variant="default" size="sm">
                Metrics
              </Button>
            </Group>
          )}
        </Group>
        <BadgeRow>
          <IntentBadge intent={community.intent} />
          <LifecycleBadge lifecycle={community.lifecycle} always />
          <Badge variant="outline" color="gray.7" title={VISIBILITY[community.visibility].description}>
            {VISIBILITY[community.visibility].label}
          </Badge>
        </BadgeRow>
        <Text size="sm" c="dimmed">
          For {audienceList(community.audiences).toLowerCase()} · {VISIBILITY[community.visibility].description}
        </Text>
        {community.description && <Text>{community.description}</Text>}
      </Stack>

      <MembershipActions community={community} onStale={onStale} />

      {community.viewerCan.readContent && (community.useCases.includes('FORUMS') || community.useCases.includes('BLOGS') || community.useCases.includes('KNOWLEDGE')) && (
        <Group gap="xs" component="nav" aria-label="Community spaces">
          {community.useCases.includes('FORUMS') && (
            <Button component={Link} to={`/communities/${community.slug}/forum`} variant="filled" size="sm">
              Forum
            </Button>
          )}
          {community.useCases.includes('BLOGS') && (
            <Button component={Link} to={`/communities/${community.slug}/blog`} variant="light" size="sm">
              Blog
            </Button>
          )}
          {community.useCases.includes('KNOWLEDGE') && (
            <Button component={Link} to={`/knowledge?community=${encodeURIComponent(community.id)}`} variant="light" size="sm">
              Knowledge base
            </Button>
          )}
        </Group>
      )}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Stack gap="xs" component="section" aria-labelledby="intent-heading">
              <Title order={3} id="intent-heading">
                Social intent: {intent.label}
              </Title>
              <Text size="sm" c="dimmed">
                {intent.description}
              </Text>
              {community.intentStatement && (
                <Blockquote color="blue" p="sm" mt={4}>
                  {community.intentStatement}
                </Blockquote>
              )}
              <Text size="sm">Uses {community.useCases.map((u) => USE_CASE[u].label.toLowerCase()).join(', ')}.</Text>
            </Stack>

            <Stack gap="xs" component="section" aria-labelledby="charter-heading">
              <Title order={3} id="charter-heading">
                Charter
              </Title>
              {community.charterHtml.trim() ? (
                <Paper withBorder p="md" radius="md">
                  {/* Its own headings go under "Charter" (h3): its top level becomes h4. */}
                  <SanitizedHtml html={community.charterHtml} topLevel={4} />
                </Paper>
              ) : (
                <Text c="dimmed" size="sm">
                  No charter yet.
                </Text>
              )}
            </Stack>

            {community.objectives ? (
              <CommunityObjectives
                objectives={community.objectives}
                editHref={community.viewerCan.manage && community.lifecycle !== 'ARCHIVED' ? `/communities/${community.slug}/settings#objectives` : undefined}
              />
            ) : (
              <Text c="dimmed" size="sm">
                Members see the community’s objectives and who belongs to it.
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {community.viewerCan.readContent && <CommunityMembers communityId={community.id} membersCount={community.membersCount} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A community's home at /communities/:slug; a former slug moves to the current one. */
export function CommunityPage() {
  const { slug = '' } = useParams();
  const { data, previousData, loading, error, refetch } = useQuery(CommunityDocument, { variables: { slug } });
  // While the community is fetched again (what the viewer may read changed), keep showing it.
  const shown = data ?? (loading && previousData?.community.slug === slug ? previousData : undefined);
  const apiError = toApiError(error);
  useCurrentSlug(slug, data?.community.slug);
  if (isNotFound(apiError)) return <CommunityNotFound />;
  return (
    <QueryState loading={loading && !shown} error={apiError} onRetry={() => void refetch()}>
      {shown && <CommunityView community={shown.community} onStale={() => void refetch()} />}
    </QueryState>
  );
}
