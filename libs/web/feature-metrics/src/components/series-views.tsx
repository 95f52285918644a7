import { BarChart, LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import type { MetricSeriesQuery } from '@commons/web-data-access';
import { chartRows, periodLabel, periodName, seriesColour } from '../model/chart-data';
import { formatMetricValue } from '../model/format';
import { ColumnHeads } from './column-heads';

export type Series = MetricSeriesQuery['metricSeries'][number];
export type SeriesChartKind = 'line' | 'stacked-bars';

/**
 * Series drawn over time in the colour-blind-safe palette: lines (a hidden or missing value is a
 * gap, never joined across) or stacked bars. The values share the first series' unit.
 */
export function SeriesChart({ series, kind, bucket }: { series: readonly Series[]; kind: SeriesChartKind; bucket: string }) {
  const unit = series[0]?.definition.unit ?? 'COUNT';
  const data = chartRows(series).map((row) => ({ ...row, period: periodLabel(row.start, bucket) }));
  const lines = series.map((s, i) => ({ name: s.definition.key, label: s.definition.name, color: seriesColour(i) }));
  const format = (value: number) => formatMetricValue(value, unit);
  const names = series.map((s) => s.definition.name).join(', ');
  return (
    // The drawing is one image to assistive technology; the table view reads out the numbers.
    <div role="img" aria-label={`${kind === 'line' ? 'Line chart' : 'Stacked bar chart'} of ${names} by ${bucket.toLowerCase()}. The table view lists the numbers.`}>
      {kind === 'line' ? (
        <LineChart accessibilityLayer={false} h={240} data={data} dataKey="period" series={lines} connectNulls={false} curveType="linear" valueFormatter={format} withLegend legendProps={{ verticalAlign: 'bottom' }} />
      ) : (
        <BarChart accessibilityLayer={false} h={240} data={data} dataKey="period" series={lines} type="stacked" valueFormatter={format} withLegend legendProps={{ verticalAlign: 'bottom' }} />
      )}
    </div>
  );
}

/** The same numbers as the chart, one row per period, in each metric's unit. */
export function SeriesTable({ caption, series, bucket }: { caption: string; series: readonly Series[]; bucket: string }) {
  const periods = chartRows(series).map((row) => row.start);
  const byPeriod = series.map((s) => new Map(s.points.map((p) => [p.start, p])));
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder captionSide="top" fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <ColumnHeads
          columns={[{ label: bucket === 'MONTH' ? 'Month' : bucket === 'WEEK' ? 'Week' : 'Day' }, ...series.map((s) => ({ label: s.definition.name, numeric: true }))]}
        />
        <Table.Tbody>
          {periods.map((start) => (
            <Table.Tr key={start}>
              <Table.Th scope="row" fw={400}>
                {periodName(start, bucket)}
              </Table.Th>
              {series.map((s, i) => {
                const point = byPeriod[i].get(start);
                return (
                  <Table.Td key={s.definition.key} ta="right">
                    {point?.suppressed ? 'hidden' : formatMetricValue(point?.value, s.definition.unit)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
