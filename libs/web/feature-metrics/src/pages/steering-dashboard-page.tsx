import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useViewer } from '@commons/web-feature-account';
import { QueryState } from '@commons/web-ui';
import { CommunityRankingCard } from '../components/breakdown-card';
import { PilotComparisonCard, TrainingImpactCard } from '../components/comparison-card';
import { DashboardFiltersBar } from '../components/dashboard-filters';
import { DashboardSection, DashboardSections } from '../components/dashboard-sections';
import { ModerationByRuleCard, RetentionCard } from '../components/governance-cards';
import { IdeaFunnelCard, TrendingTopicsCard } from '../components/listening-cards';
import { ObjectivesOverviewCard } from '../components/objectives-overview-card';
import { PrintStyles } from '../components/print-styles';
import { useDashboardFilters, useMetricDefinitions } from '../components/use-dashboard';
import { checkRange } from '../model/date-range';
import { filtersProblem } from '../model/filters';
import { STEERING_SECTIONS } from '../model/sections';
import { metricsPaths } from '../metrics-paths';

/**
 * The steering committee's programme dashboard at /programme: adoption, engagement, support,
 * listening and governance over time for the organisation or one slice of it; how communities,
 * objectives, pilots and training compare. Every chart has its definition, a table view and a CSV.
 */
export function SteeringDashboardPage() {
  const { viewer } = useViewer();
  const [filters, change] = useDashboardFilters();
  const { definitions, loading, error, refetch } = useMetricDefinitions();
  const problem = filtersProblem(filters);
  const range = filters.range;
  // Cards of their own queries: for the organisation, some also for one community.
  const organisation = filters.dimension === 'ORGANISATION';
  const community = filters.dimension === 'COMMUNITY' ? (filters.sliceId ?? undefined) : undefined;
  const scoped = organisation || community !== undefined;
  return (
    <Stack gap="lg">
      <PrintStyles />
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Programme dashboard
          </Title>
          <Text c="dimmed" size="sm">
            {range.from} to {range.to} · aggregates only; any group of fewer than 5 people is hidden.
          </Text>
        </Stack>
        <Group gap="sm" data-print-hide>
          <Anchor component={Link} to={metricsPaths.snapshots} size="sm">
            Monthly snapshots
          </Anchor>
          {viewer?.role === 'ADMIN' && (
            <Anchor component={Link} to={metricsPaths.rollups} size="sm">
              Rollup status
            </Anchor>
          )}
          <Button variant="default" size="sm" onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      <DashboardFiltersBar filters={filters} onChange={change} />
      {problem ? (
        <Alert color="yellow" variant="light" title={Object.keys(checkRange(range)).length > 0 ? 'Check the period' : 'One more choice'}>
          {problem}
        </Alert>
      ) : (
        <QueryState loading={loading} error={error} onRetry={() => void refetch()}>
          <DashboardSections sections={STEERING_SECTIONS.slice(0, 2)} definitions={definitions} filters={filters} />
          {organisation && (
            <>
              <DashboardSection title="Communities and objectives">
                <CommunityRankingCard definitions={definitions} range={range} metrics={['MONTHLY_ACTIVE_MEMBERS_RATIO', 'POSTS', 'CONTRIBUTOR_RATIO', 'RESOLUTION_RATE']} />
                <ObjectivesOverviewCard definitions={definitions} />
              </DashboardSection>
              <DashboardSection title="Pilots, training and retention">
                <PilotComparisonCard range={range} />
                <TrainingImpactCard range={range} />
                <RetentionCard range={range} />
              </DashboardSection>
            </>
          )}
          <DashboardSections
            sections={STEERING_SECTIONS.slice(2)}
            definitions={definitions}
            filters={filters}
            extras={
              scoped
                ? {
                    Listening: (
                      <>
                        <TrendingTopicsCard communityId={community} />
                        <IdeaFunnelCard range={range} communityId={community} />
                      </>
                    ),
                    'Governance and learning': <ModerationByRuleCard range={range} communityId={community} />,
                  }
                : {}
            }
          />
        </QueryState>
      )}
    </Stack>
  );
}
