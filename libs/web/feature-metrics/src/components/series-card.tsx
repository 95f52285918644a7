import { useQuery } from '@apollo/client/react';
import { MetricSeriesDocument, toApiError, type MetricDefinitionsQuery } from '@commons/web-data-access';
import { anySuppressed, noData } from '../model/chart-data';
import { csvFileName, seriesCsv } from '../model/csv';
import { filtersProblem, seriesInput, type DashboardFilters } from '../model/filters';
import { UNIT_LABEL } from '../model/format';
import { ChartCard } from './chart-card';
import { SeriesChart, SeriesTable, type SeriesChartKind } from './series-views';

export type Definition = MetricDefinitionsQuery['metricDefinitions'][number];
export type Definitions = ReadonlyMap<string, Definition>;

/** The metrics of a list the API defines and can slice and bucket as the filters ask, in the list's order. */
export function availableMetrics(keys: readonly string[], definitions: Definitions, filters: Pick<DashboardFilters, 'dimension' | 'bucket'>): Definition[] {
  return keys.flatMap((key) => {
    const d = definitions.get(key);
    return d && d.dimensions.includes(filters.dimension) && d.buckets.includes(filters.bucket) ? [d] : [];
  });
}

/**
 * A chart of some metrics over time for the filters' slice. Metrics the API does not define
 * (yet) or cannot slice that way are left out; with none left, the card is not shown at all.
 */
export function SeriesCard({
  title,
  metrics,
  definitions,
  filters,
  kind = 'line',
}: {
  title: string;
  metrics: readonly string[];
  definitions: Definitions;
  filters: DashboardFilters;
  kind?: SeriesChartKind;
}) {
  const shown = availableMetrics(metrics, definitions, filters);
  const waiting = filtersProblem(filters);
  const { data, loading, error, refetch } = useQuery(MetricSeriesDocument, {
    variables: { input: seriesInput(shown.map((d) => d.key), filters) },
    skip: shown.length === 0 || waiting !== null,
  });
  if (shown.length === 0) return null;
  const series = data?.metricSeries ?? [];
  const slice = series[0]?.slice.label ?? '';
  const bucket = series[0]?.bucket ?? filters.bucket;
  return (
    <ChartCard
      title={title}
      subtitle={`${UNIT_LABEL[shown[0].unit]} · by ${filters.bucket.toLowerCase()}`}
      definitions={shown}
      waiting={waiting}
      loading={loading && !data}
      error={toApiError(error)}
      onRetry={() => void refetch()}
      empty={series.length === 0 || noData(series)}
      suppressed={anySuppressed(series)}
      csv={() => ({ text: seriesCsv(series), filename: csvFileName([title, slice], filters.range.from, filters.range.to) })}
      chart={<SeriesChart series={series} kind={kind} bucket={bucket} />}
      table={<SeriesTable caption={`${title}: ${slice}, ${filters.range.from} to ${filters.range.to}`} series={series} bucket={bucket} />}
    />
  );
}
