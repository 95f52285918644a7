import { useQuery } from '@apollo/client/react';
import { BarChart, LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { ModerationByRuleDocument, RetentionCohortsDocument, toApiError } from '@commons/web-data-access';
import { OKABE_ITO, seriesColour } from '../model/chart-data';
import { csvFileName } from '../model/csv';
import type { DayRange } from '../model/date-range';
import { retentionCsv, rulesCsv } from '../model/exports';
import { formatRatio, NO_VALUE } from '../model/format';
import { ChartCard } from './chart-card';
import { ColumnHeads } from './column-heads';

const BY_RULE = {
  key: 'MODERATION_BY_RULE',
  name: 'Moderation by rule',
  description: 'Posts each moderation rule held for review or rejected in the period, most first. “Other” gathers decisions no single rule made.',
};

/** Moderation workload: what each rule held or rejected over the range (the organisation, or one community). */
export function ModerationByRuleCard({ range, communityId }: { range: DayRange; communityId?: string }) {
  const { data, loading, error, refetch } = useQuery(ModerationByRuleDocument, { variables: { input: { from: range.from, to: range.to, communityId: communityId ?? null } } });
  const rows = data?.moderationByRule ?? [];
  const label = (r: (typeof rows)[number]) => r.label ?? r.ruleId ?? 'Other';
  const byRule = new Map<string, { rule: string; HOLD: number; REJECT: number }>();
  for (const r of rows) {
    const row = byRule.get(label(r)) ?? { rule: label(r), HOLD: 0, REJECT: 0 };
    if (r.action === 'HOLD' || r.action === 'REJECT') row[r.action] += r.count;
    byRule.set(label(r), row);
  }
  const chartRows = [...byRule.values()].slice(0, 10);
  return (
    <ChartCard
      title="Moderation by rule"
      subtitle={`Posts held or rejected, ${range.from} to ${range.to}`}
      definitions={[BY_RULE]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={rows.length === 0}
      emptyText="No post was held or rejected in this period."
      suppressed={false}
      csv={() => ({ text: rulesCsv(range.from, range.to, rows), filename: csvFileName(['moderation by rule'], range.from, range.to) })}
      chart={
        <div role="img" aria-label={`Posts held and rejected by rule: ${chartRows.map((r) => `${r.rule}: ${r.HOLD} held, ${r.REJECT} rejected`).join('; ')}`}>
          <BarChart
            accessibilityLayer={false}
            h={60 + chartRows.length * 36}
            data={chartRows}
            dataKey="rule"
            orientation="vertical"
            type="stacked"
            yAxisProps={{ width: 160 }}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={[
              { name: 'HOLD', label: 'Held for review', color: OKABE_ITO[1] },
              { name: 'REJECT', label: 'Rejected', color: OKABE_ITO[3] },
            ]}
          />
        </div>
      }
      table={
        <Table striped withTableBorder captionSide="top" fz="sm">
          <Table.Caption>{`Moderation by rule, ${range.from} to ${range.to}`}</Table.Caption>
          <ColumnHeads columns={[{ label: 'Rule' }, { label: 'Action' }, { label: 'Posts', numeric: true }]} />
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.ruleId ?? 'other'}:${r.action}:${i}`}>
                <Table.Th scope="row" fw={400}>
                  {label(r)}
                </Table.Th>
                <Table.Td>{r.action === 'HOLD' ? 'Held for review' : r.action === 'REJECT' ? 'Rejected' : r.action}</Table.Td>
                <Table.Td ta="right">{r.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** Retention of join-month cohorts: the share of each month's joiners active N weeks later. */
export function RetentionCard({ range, communityId }: { range: DayRange; communityId?: string }) {
  const { data, loading, error, refetch } = useQuery(RetentionCohortsDocument, { variables: { input: { from: range.from, to: range.to, communityId: communityId ?? null, weeks: 12 } } });
  const retention = data?.retentionCohorts;
  const cohorts = (retention?.cohorts ?? []).slice(-6);
  const weeks = [...new Set(cohorts.flatMap((c) => c.weeks.map((w) => w.week)))].sort((a, b) => a - b);
  const chartData = weeks.map((week) => ({
    week: `Week ${week}`,
    ...Object.fromEntries(cohorts.map((c) => [c.month, c.suppressed ? null : (c.weeks.find((w) => w.week === week)?.share ?? null)])),
  }));
  const explained = { key: 'RETENTION', name: 'Retention by join month', description: retention?.definition ?? 'Of the people who joined in a month, the share active in each week after joining.' };
  return (
    <ChartCard
      title="Retention by join month"
      subtitle={retention ? `${retention.label}, joins ${retention.from} to ${retention.to} (latest 6 months drawn)` : undefined}
      definitions={[explained]}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={cohorts.length === 0}
      emptyText="Nobody joined in this period."
      suppressed={cohorts.some((c) => c.suppressed)}
      csv={() => ({ text: retention ? retentionCsv(retention) : '', filename: csvFileName(['retention', retention?.label ?? ''], range.from, range.to) })}
      chart={
        <div role="img" aria-label={`Share still active by week after joining, for ${cohorts.map((c) => c.month).join(', ')}. The table view lists the numbers.`}>
          <LineChart
            accessibilityLayer={false}
            h={240}
            data={chartData}
            dataKey="week"
            connectNulls={false}
            curveType="linear"
            valueFormatter={(v) => formatRatio(v)}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={cohorts.map((c, i) => ({ name: c.month, label: c.month, color: seriesColour(i) }))}
          />
        </div>
      }
      table={
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder captionSide="top" fz="sm">
            <Table.Caption>{`Share of each month’s joiners active in the weeks after joining (${retention?.label ?? ''})`}</Table.Caption>
            <ColumnHeads columns={[{ label: 'Joined' }, { label: 'People', numeric: true }, ...weeks.map((w) => ({ label: `W${w}`, numeric: true }))]} />
            <Table.Tbody>
              {(retention?.cohorts ?? []).map((c) => (
                <Table.Tr key={c.month}>
                  <Table.Th scope="row" fw={400}>
                    {c.month}
                  </Table.Th>
                  <Table.Td ta="right">{c.suppressed ? 'hidden' : (c.people ?? NO_VALUE)}</Table.Td>
                  {weeks.map((w) => {
                    const share = c.weeks.find((x) => x.week === w)?.share ?? null;
                    return (
                      <Table.Td key={w} ta="right">
                        {c.suppressed ? 'hidden' : share === null ? NO_VALUE : formatRatio(share)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
