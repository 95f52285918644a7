import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import { NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { MetricBreakdownDocument, toApiError, type MetricBreakdownQuery } from '@commons/web-data-access';
import { topAndBottom } from '../model/breakdown';
import { OKABE_ITO } from '../model/chart-data';
import { breakdownCsv, csvFileName } from '../model/csv';
import type { DayRange } from '../model/date-range';
import { formatMetricValue } from '../model/format';
import { ChartCard } from './chart-card';
import type { Definitions } from './series-card';
import { ColumnHeads } from './column-heads';

type Row = MetricBreakdownQuery['metricBreakdown']['rows'][number];

function RankChart({ label, rows, unit, colour }: { label: string; rows: readonly Row[]; unit: Parameters<typeof formatMetricValue>[1]; colour: string }) {
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <div role="img" aria-label={`${label}: ${rows.map((r) => `${r.slice.label} ${formatMetricValue(r.value, unit)}`).join(', ')}`}>
        <BarChart
            accessibilityLayer={false}
          h={40 + rows.length * 32}
          data={rows.map((r) => ({ community: r.slice.label, value: r.value }))}
          dataKey="community"
          orientation="vertical"
          series={[{ name: 'value', label, color: colour }]}
          valueFormatter={(v) => formatMetricValue(v, unit)}
          yAxisProps={{ width: 120 }}
        />
      </div>
    </Stack>
  );
}

/**
 * The communities doing best and worst on a metric over the range (from metricBreakdown), with
 * every community in the table view and the CSV.
 */
export function CommunityRankingCard({ definitions, range, metrics }: { definitions: Definitions; range: DayRange; metrics: readonly string[] }) {
  const choices = metrics.flatMap((key) => {
    const d = definitions.get(key);
    return d && d.dimensions.includes('COMMUNITY') ? [d] : [];
  });
  const [chosen, setChosen] = useState(choices[0]?.key ?? '');
  const metric = choices.find((d) => d.key === chosen) ?? choices[0];
  const { data, loading, error, refetch } = useQuery(MetricBreakdownDocument, {
    variables: { input: { metric: metric?.key ?? '', dimension: 'COMMUNITY', from: range.from, to: range.to } },
    skip: !metric,
  });
  if (!metric) return null;
  const breakdown = data?.metricBreakdown;
  const rows = breakdown?.rows ?? [];
  const { top, bottom, hidden } = topAndBottom(rows);
  const title = 'Top and bottom communities';
  return (
    <ChartCard
      title={title}
      subtitle={`${metric.name}, whole range`}
      definitions={[metric]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={top.length === 0 && hidden === 0}
      emptyText="No community has data for this period yet."
      suppressed={hidden > 0}
      csv={() => ({ text: breakdown ? breakdownCsv(breakdown) : '', filename: csvFileName(['communities', metric.name], range.from, range.to) })}
      controls={
        choices.length > 1 && (
          <NativeSelect label="Rank by" size="xs" w={220} data={choices.map((d) => ({ value: d.key, label: d.name }))} value={metric.key} onChange={(e) => setChosen(e.currentTarget.value)} />
        )
      }
      chart={
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RankChart label="Highest" rows={top} unit={metric.unit} colour={OKABE_ITO[2]} />
            <RankChart label="Lowest" rows={bottom} unit={metric.unit} colour={OKABE_ITO[3]} />
          </SimpleGrid>
          {hidden > 0 && (
            <Text size="xs" c="dimmed">
              {hidden === 1 ? '1 community' : `${hidden} communities`} not ranked — hidden: fewer than 5 people.
            </Text>
          )}
        </Stack>
      }
      table={
        <Table.ScrollContainer minWidth={320}>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>
              {metric.name} by community, {range.from} to {range.to}
            </Table.Caption>
            <ColumnHeads columns={[{ label: 'Community' }, { label: metric.name, numeric: true }]} />
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.slice.id ?? r.slice.label}>
                  <Table.Th scope="row" fw={400}>
                    {r.slice.label}
                  </Table.Th>
                  <Table.Td ta="right">{r.suppressed ? 'hidden' : formatMetricValue(r.value, metric.unit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
