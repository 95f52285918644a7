import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IdeaFunnelDocument, TrendingTopicsDocument, toApiError, type IdeaStatus } from '@commons/web-data-access';
import { OKABE_ITO } from '../model/chart-data';
import { csvFileName } from '../model/csv';
import type { DayRange } from '../model/date-range';
import { funnelCsv, topicsCsv } from '../model/exports';
import { formatMetricValue, formatRatio, NO_VALUE } from '../model/format';
import { ChartCard } from './chart-card';
import { MiniSpark } from './mini-spark';
import { ColumnHeads } from './column-heads';

const TRENDING = {
  key: 'TRENDING',
  name: 'Trending topics',
  description:
    'Tags and key phrases mentioned significantly more this week than in the 8 weeks before: at least 5 posts, and z = (mentions − baseline) ÷ √(baseline + 1) of 3 or more. Topics fewer than 5 people wrote about are never shown.',
};

/** Tags and key phrases trending in the week ending today, for the organisation or one community. */
export function TrendingTopicsCard({ communityId, title = 'Trending topics' }: { communityId?: string; title?: string }) {
  const { data, loading, error, refetch } = useQuery(TrendingTopicsDocument, { variables: { input: { communityId: communityId ?? null, limit: 10 } }, fetchPolicy: 'cache-and-network' });
  const trending = data?.trendingTopics;
  const topics = trending?.topics ?? [];
  return (
    <ChartCard
      title={title}
      subtitle={trending ? `Week ending ${trending.asOf}` : undefined}
      definitions={[TRENDING]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={topics.length === 0}
      emptyText="Nothing is trending this week."
      suppressed={false}
      csv={() => ({ text: trending ? topicsCsv(trending) : '', filename: csvFileName([title], trending?.weekStarts[0] ?? '', trending?.asOf ?? '') })}
      chart={
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {topics.map((t) => (
            <Group key={`${t.kind}:${t.topic}`} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Group gap={6} wrap="nowrap">
                <Badge variant="outline" color="gray.7" size="sm">
                  {t.kind === 'TAG' ? 'tag' : 'phrase'}
                </Badge>
                <Text size="sm" fw={500}>
                  {t.topic}
                </Text>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <MiniSpark values={t.spark} colour={OKABE_ITO[0]} />
                <Text size="sm" w={150} ta="right">
                  {t.count} mentions{t.ratio !== null ? `, ×${formatMetricValue(t.ratio, 'AVERAGE')}` : ', new'}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      }
      table={
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>{`${title}, week ending ${trending?.asOf ?? ''}`}</Table.Caption>
            <ColumnHeads columns={[{ label: 'Topic' }, { label: 'Mentions this week', numeric: true }, { label: 'People', numeric: true }, { label: 'Weekly baseline', numeric: true }, { label: 'Score (z)', numeric: true }, { label: 'Weekly mentions, oldest first' }]} />
            <Table.Tbody>
              {topics.map((t) => (
                <Table.Tr key={`${t.kind}:${t.topic}`}>
                  <Table.Th scope="row" fw={400}>
                    {t.topic} ({t.kind === 'TAG' ? 'tag' : 'phrase'})
                  </Table.Th>
                  <Table.Td ta="right">{t.count}</Table.Td>
                  <Table.Td ta="right">{t.people}</Table.Td>
                  <Table.Td ta="right">{formatMetricValue(t.baseline, 'AVERAGE')}</Table.Td>
                  <Table.Td ta="right">{formatMetricValue(t.score, 'AVERAGE')}</Table.Td>
                  <Table.Td>{t.spark.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

const STAGE: Record<IdeaStatus, string> = { NEW: 'New', UNDER_REVIEW: 'Under review', PLANNED: 'Planned', DONE: 'Done' };
const STAGE_ORDER: readonly IdeaStatus[] = ['NEW', 'UNDER_REVIEW', 'PLANNED', 'DONE'];

const FUNNEL = {
  key: 'IDEA_FUNNEL',
  name: 'Idea funnel',
  description:
    'Ideas are forum threads tagged “idea” posted in the period; their stage comes from their tags (“under-review”, “planned”, “done”). Reached: ideas that got at least that far; conversion: the share of those that reached the stage before.',
};

/** Ideas posted in the range and how far they got: new → under review → planned → done. */
export function IdeaFunnelCard({ range, communityId }: { range: DayRange; communityId?: string }) {
  const { data, loading, error, refetch } = useQuery(IdeaFunnelDocument, { variables: { input: { from: range.from, to: range.to, communityId: communityId ?? null } } });
  const funnel = data?.ideaFunnel;
  const stages = [...(funnel?.stages ?? [])].sort((a, b) => STAGE_ORDER.indexOf(a.status) - STAGE_ORDER.indexOf(b.status));
  return (
    <ChartCard
      title="Idea funnel"
      subtitle={funnel ? (funnel.suppressed ? 'Ideas from fewer than 5 people: hidden' : `${funnel.ideas ?? 0} ideas posted`) : undefined}
      definitions={[FUNNEL]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={!funnel || (!funnel.suppressed && !funnel.ideas)}
      emptyText="No ideas were posted in this period."
      suppressed={!!funnel?.suppressed}
      csv={() => ({ text: funnel ? funnelCsv(funnel) : '', filename: csvFileName(['idea funnel'], range.from, range.to) })}
      chart={
        funnel?.suppressed ? (
          <Text size="sm" c="dimmed">
            hidden: fewer than 5 people posted ideas in this period.
          </Text>
        ) : (
          <div role="img" aria-label={`Ideas that reached each stage: ${stages.map((s) => `${STAGE[s.status]} ${s.reached ?? 0}`).join(', ')}`}>
            <BarChart accessibilityLayer={false} h={200} data={stages.map((s) => ({ stage: STAGE[s.status], reached: s.reached }))} dataKey="stage" series={[{ name: 'reached', label: 'Reached', color: OKABE_ITO[2] }]} />
          </div>
        )
      }
      table={
        <Table striped withTableBorder captionSide="top" fz="sm">
          <Table.Caption>{`Idea funnel, ${range.from} to ${range.to}`}</Table.Caption>
          <ColumnHeads columns={[{ label: 'Stage' }, { label: 'Now in it', numeric: true }, { label: 'Reached', numeric: true }, { label: 'Share of ideas', numeric: true }, { label: 'Conversion', numeric: true }]} />
          <Table.Tbody>
            {stages.map((s) => (
              <Table.Tr key={s.status}>
                <Table.Th scope="row" fw={400}>
                  {STAGE[s.status]}
                </Table.Th>
                <Table.Td ta="right">{s.count ?? 'hidden'}</Table.Td>
                <Table.Td ta="right">{s.reached ?? 'hidden'}</Table.Td>
                <Table.Td ta="right">{s.shareOfIdeas === null ? NO_VALUE : formatRatio(s.shareOfIdeas)}</Table.Td>
                <Table.Td ta="right">{s.conversion === null ? NO_VALUE : formatRatio(s.conversion)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
