import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CommunityDocument, isNotFound, toApiError } from '@commons/web-data-access';
import { useViewer } from '@commons/web-feature-account';
import { CommunityNotFound, QueryState } from '@commons/web-ui';
import { DashboardFiltersBar } from '../components/dashboard-filters';
import { DashboardSections } from '../components/dashboard-sections';
import { ModerationByRuleCard, RetentionCard } from '../components/governance-cards';
import { IdeaFunnelCard, TrendingTopicsCard } from '../components/listening-cards';
import { ObjectivesCard } from '../components/objectives-card';
import { SupportDesk } from '../components/support-desk';
import { PrintStyles } from '../components/print-styles';
import { useDashboardFilters, useMetricDefinitions } from '../components/use-dashboard';
import { COMMUNITY_SECTIONS } from '../model/sections';

/**
 * A community's own dashboard at /communities/:slug/metrics, for its managers and the steering
 * committee: its objectives against their targets, its support desk (unanswered questions by age,
 * SLA breaches), its numbers over time, trending tags and moderation workload. Others are told
 * who may see it (the API refuses them too).
 */
export function CommunityMetricsPage() {
  const { slug = '' } = useParams();
  const { viewer } = useViewer();
  const [filters, change] = useDashboardFilters();
  const community = useQuery(CommunityDocument, { variables: { slug } });
  const { definitions, loading, error, refetch } = useMetricDefinitions();
  const c = community.data?.community;
  const communityError = toApiError(community.error);
  if (isNotFound(communityError)) return <CommunityNotFound />;
  const readsAll = viewer?.role === 'STEERING' || viewer?.role === 'ADMIN';
  const scoped = c ? { ...filters, dimension: 'COMMUNITY' as const, sliceId: c.id } : filters;
  const forums = !!c?.useCases.includes('FORUMS');
  return (
    <QueryState loading={(community.loading && !c) || loading} error={communityError ?? error} onRetry={() => void (community.refetch(), refetch())}>
      {c && (
        <Stack gap="lg">
          <PrintStyles />
          <Stack gap={2}>
            <Anchor component={Link} to={`/communities/${c.slug}`} size="sm" underline="always" w="fit-content" data-print-hide>
              {c.name}
            </Anchor>
            <Group justify="space-between" align="flex-end">
              <Title order={1} size="h2">
                Metrics: {c.name}
              </Title>
              <Button variant="default" size="sm" onClick={() => window.print()} data-print-hide>
                Print
              </Button>
            </Group>
            <Text c="dimmed" size="sm">
              {scoped.range.from} to {scoped.range.to} · aggregates only; any group of fewer than 5 people is hidden.
            </Text>
          </Stack>
          {!c.viewerCan.manage && !readsAll ? (
            <Text role="alert">Only the community’s managers and the steering committee can see its metrics.</Text>
          ) : (
            <>
              <DashboardFiltersBar filters={scoped} onChange={change} fixedSlice />
              <ObjectivesCard slug={c.slug} objectives={c.objectives ?? []} definitions={definitions} />
              {forums && <SupportDesk communityId={c.id} slug={c.slug} manages={c.viewerCan.manage} />}
              <DashboardSections
                sections={COMMUNITY_SECTIONS}
                definitions={definitions}
                filters={scoped}
                extras={{
                  'Adoption and engagement': <RetentionCard range={scoped.range} communityId={c.id} />,
                  'Listening and moderation': (
                    <>
                      <TrendingTopicsCard communityId={c.id} title="Trending tags and topics" />
                      {forums && <IdeaFunnelCard range={scoped.range} communityId={c.id} />}
                      <ModerationByRuleCard range={scoped.range} communityId={c.id} />
                    </>
                  ),
                }}
              />
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
