import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { MetricDefinitionsDocument, toApiError } from '@commons/web-data-access';
import { localDay } from '../model/date-range';
import { readFilters, writeFilters, type DashboardFilters } from '../model/filters';
import type { Definition, Definitions } from './series-card';

/** The dashboard's filters, kept in the address (shareable, printable, survives a reload). */
export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  // "Today" for the presets is fixed when the page opens, so the range does not move under the reader.
  const [today] = useState(() => localDay(new Date()));
  const filters = useMemo(() => readFilters(params, today), [params, today]);
  return [filters, (change) => setParams(writeFilters(change, filters), { replace: true })];
}

/** Every metric's definition, by key: which charts can be shown, and what their "?" says. */
export function useMetricDefinitions() {
  const { data, loading, error, refetch } = useQuery(MetricDefinitionsDocument);
  const definitions = useMemo<Definitions>(() => new Map((data?.metricDefinitions ?? []).map((d): [string, Definition] => [d.key, d])), [data]);
  return { definitions, loading: loading && !data, error: toApiError(error), refetch };
}
