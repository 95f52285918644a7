import { useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import { NativeSelect, SimpleGrid, Stack, Table } from '@mantine/core';
import { MetricBreakdownDocument, PilotComparisonDocument, TrainingImpactDocument, toApiError, type GroupComparisonFieldsFragment } from '@commons/web-data-access';
import { csvFileName } from '../model/csv';
import type { DayRange } from '../model/date-range';
import { comparisonCsv } from '../model/exports';
import { formatMetricValue, formatRatio, NO_VALUE } from '../model/format';
import { asUnit } from '../model/status';
import { OKABE_ITO } from '../model/chart-data';
import { ChartCard } from './chart-card';
import { ColumnHeads } from './column-heads';

type Comparison = GroupComparisonFieldsFragment;

function signed(value: number | null, unit: string): string {
  if (value === null) return NO_VALUE;
  const text = formatMetricValue(Math.abs(value), asUnit(unit));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The measures side by side, one small chart per unit (shares and per-person averages do not share an axis). */
function ComparisonChart({ comparison }: { comparison: Comparison }) {
  const units = [...new Set(comparison.measures.map((m) => m.unit))];
  return (
    <SimpleGrid cols={{ base: 1, sm: units.length > 1 ? 2 : 1 }}>
      {units.map((unit) => {
        const measures = comparison.measures.filter((m) => m.unit === unit);
        const format = (v: number) => formatMetricValue(v, asUnit(unit));
        return (
          <div
            key={unit}
            role="img"
            aria-label={measures.map((m) => `${m.name}: ${comparison.group.label} ${formatMetricValue(m.group, asUnit(unit))}, ${comparison.others.label} ${formatMetricValue(m.others, asUnit(unit))}`).join('; ')}
          >
            <BarChart
            accessibilityLayer={false}
              h={60 + measures.length * 48}
              data={measures.map((m) => ({ measure: m.name, group: m.group, others: m.others }))}
              dataKey="measure"
              orientation="vertical"
              yAxisProps={{ width: 130 }}
              valueFormatter={format}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              series={[
                { name: 'group', label: comparison.group.label, color: OKABE_ITO[0] },
                { name: 'others', label: comparison.others.label, color: OKABE_ITO[1] },
              ]}
            />
          </div>
        );
      })}
    </SimpleGrid>
  );
}

function ComparisonTable({ comparison, caption }: { comparison: Comparison; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder captionSide="top" fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <ColumnHeads columns={[{ label: 'Measure' }, { label: comparison.group.label, numeric: true }, { label: comparison.others.label, numeric: true }, { label: 'Difference', numeric: true }, { label: 'Relative', numeric: true }]} />
        <Table.Tbody>
          {comparison.measures.map((m) => (
            <Table.Tr key={m.key}>
              <Table.Th scope="row" fw={400}>
                {m.name}
              </Table.Th>
              <Table.Td ta="right">{comparison.group.suppressed ? 'hidden' : formatMetricValue(m.group, asUnit(m.unit))}</Table.Td>
              <Table.Td ta="right">{comparison.others.suppressed ? 'hidden' : formatMetricValue(m.others, asUnit(m.unit))}</Table.Td>
              <Table.Td ta="right">{signed(m.difference, m.unit)}</Table.Td>
              <Table.Td ta="right">{m.relativeDifference === null ? NO_VALUE : `${m.relativeDifference > 0 ? '+' : m.relativeDifference < 0 ? '−' : ''}${formatRatio(Math.abs(m.relativeDifference))}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function groupsLine(c: Comparison): string {
  const people = (g: Comparison['group']) => (g.suppressed || g.people === null ? 'fewer than 5 people' : `${g.people} people`);
  return `${c.group.label} (${people(c.group)}) against ${c.others.label} (${people(c.others)}), ${c.from} to ${c.to}`;
}

/** A card comparing a group with the others: the frame both comparisons share. */
function ComparisonFrame({
  title,
  explained,
  comparison,
  loading,
  error,
  onRetry,
  waiting,
  controls,
  range,
}: {
  title: string;
  explained: string;
  comparison: Comparison | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  waiting?: string | null;
  controls?: ReactNode;
  range: DayRange;
}) {
  const definitions = [
    { key: title, name: title, description: explained },
    ...(comparison ? [comparison.group, comparison.others].map((g) => ({ key: g.label, name: g.label, description: g.definition })) : []),
    ...(comparison?.measures ?? []).map((m) => ({ key: m.key, name: m.name, description: m.description })),
  ];
  const suppressed = !!comparison && (comparison.group.suppressed || comparison.others.suppressed);
  return (
    <ChartCard
      title={title}
      subtitle={comparison ? groupsLine(comparison) : undefined}
      definitions={definitions}
      waiting={waiting}
      loading={loading && !comparison}
      error={toApiError(error)}
      onRetry={onRetry}
      empty={!comparison || comparison.measures.length === 0}
      suppressed={suppressed}
      controls={controls}
      csv={() => ({ text: comparison ? comparisonCsv(comparison) : '', filename: csvFileName([title, comparison?.group.label ?? ''], range.from, range.to) })}
      chart={
        comparison && (
          <Stack gap="xs">
            <ComparisonChart comparison={comparison} />
          </Stack>
        )
      }
      table={comparison && <ComparisonTable comparison={comparison} caption={`${title}: ${groupsLine(comparison)}`} />}
    />
  );
}

/** A pilot cohort against comparable non-members over the range (pilotComparison), the cohort chosen here. */
export function PilotComparisonCard({ range }: { range: DayRange }) {
  const cohorts = useQuery(MetricBreakdownDocument, { variables: { input: { metric: 'MONTHLY_ACTIVE_USERS', dimension: 'COHORT', from: range.from, to: range.to } } });
  const options = (cohorts.data?.metricBreakdown.rows ?? []).flatMap((r) => (r.slice.id ? [{ value: r.slice.id, label: r.slice.label }] : []));
  const [chosen, setChosen] = useState<string | null>(null);
  const cohortId = chosen ?? options[0]?.value ?? null;
  const { data, loading, error, refetch } = useQuery(PilotComparisonDocument, { variables: { input: { cohortId: cohortId ?? '', from: range.from, to: range.to } }, skip: !cohortId });
  return (
    <ComparisonFrame
      title="Pilot cohort against the rest"
      explained="The same per-person measures for the cohort’s members and for comparable people outside it, over the same days: the difference is what the pilot changes."
      comparison={data?.pilotComparison}
      loading={loading || cohorts.loading}
      error={error ?? cohorts.error}
      onRetry={() => void refetch()}
      waiting={!cohorts.loading && options.length === 0 ? 'No pilot cohort has data for this period.' : null}
      range={range}
      controls={
        options.length > 1 && (
          <NativeSelect label="Cohort" size="xs" w={240} data={options} value={cohortId ?? ''} onChange={(e) => setChosen(e.currentTarget.value)} />
        )
      }
    />
  );
}

/** People who completed a course against those who did not (trainingImpact). */
export function TrainingImpactCard({ range }: { range: DayRange }) {
  const { data, loading, error, refetch } = useQuery(TrainingImpactDocument, { variables: { input: { from: range.from, to: range.to } } });
  return (
    <ComparisonFrame
      title="Trained against not trained"
      explained="Participation of people who completed a course against people who did not, over the same days."
      comparison={data?.trainingImpact}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      range={range}
    />
  );
}
