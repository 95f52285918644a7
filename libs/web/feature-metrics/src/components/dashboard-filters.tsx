import { useQuery } from '@apollo/client/react';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { MetricBreakdownDocument } from '@commons/web-data-access';
import { BUCKETS, checkRange, RANGE_PRESETS, type RangePreset } from '../model/date-range';
import { DIMENSIONS, type DashboardFilters, type Dimension } from '../model/filters';

/**
 * The slices of a dimension there are numbers for: those the breakdown of monthly active people
 * lists over the range (it also names them).
 */
function SlicePicker({ filters, onChange }: { filters: DashboardFilters; onChange: (change: Partial<DashboardFilters>) => void }) {
  const valid = Object.keys(checkRange(filters.range)).length === 0;
  const { data, loading, error } = useQuery(MetricBreakdownDocument, {
    variables: { input: { metric: 'MONTHLY_ACTIVE_USERS', dimension: filters.dimension, from: filters.range.from, to: filters.range.to } },
    skip: filters.dimension === 'ORGANISATION' || !valid,
  });
  const label = DIMENSIONS.find((d) => d.value === filters.dimension)?.slice ?? 'Slice';
  const options = [...(data?.metricBreakdown.rows ?? [])].map((r) => ({ value: r.slice.id ?? '', label: r.slice.label })).sort((a, b) => a.label.localeCompare(b.label));
  // A slice from the address that has no numbers in this range still shows as chosen.
  if (filters.sliceId && !options.some((o) => o.value === filters.sliceId)) options.unshift({ value: filters.sliceId, label: filters.sliceId });
  return (
    <NativeSelect
      label={label}
      w={220}
      disabled={loading}
      error={error ? `The list of ${label.toLowerCase()}s could not be loaded; try again later.` : undefined}
      data={[{ value: '', label: loading ? 'Loading…' : error ? 'Unavailable' : options.length === 0 ? `No ${label.toLowerCase()} has data` : `Choose a ${label.toLowerCase()}` }, ...options]}
      value={filters.sliceId ?? ''}
      onChange={(e) => onChange({ sliceId: e.currentTarget.value || null })}
    />
  );
}

/** Period, interval and who the numbers are about; `fixedSlice` hides the last (a community's own dashboard). */
export function DashboardFiltersBar({
  filters,
  onChange,
  fixedSlice = false,
}: {
  filters: DashboardFilters;
  onChange: (change: Partial<DashboardFilters>) => void;
  fixedSlice?: boolean;
}) {
  const problems = filters.preset === 'CUSTOM' ? checkRange(filters.range) : {};
  return (
    <Group gap="sm" align="flex-start" component="form" role="search" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()} data-print-hide>
      <NativeSelect
        label="Period"
        w={170}
        data={RANGE_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
        value={filters.preset}
        onChange={(e) => {
          const preset = e.currentTarget.value as RangePreset;
          // Custom starts from the range on screen; the presets choose their natural interval.
          onChange({ preset, bucket: preset === 'LAST_12_MONTHS' ? 'MONTH' : preset === 'LAST_90_DAYS' ? 'WEEK' : filters.bucket });
        }}
      />
      {filters.preset === 'CUSTOM' && (
        <>
          <TextInput type="date" label="From" w={170} value={filters.range.from} error={problems.from} onChange={(e) => onChange({ range: { ...filters.range, from: e.currentTarget.value } })} />
          <TextInput type="date" label="To" w={170} value={filters.range.to} error={problems.to} onChange={(e) => onChange({ range: { ...filters.range, to: e.currentTarget.value } })} />
        </>
      )}
      <NativeSelect
        label="Interval"
        w={120}
        data={BUCKETS.map((b) => ({ value: b.value, label: b.label }))}
        value={filters.bucket}
        onChange={(e) => onChange({ bucket: e.currentTarget.value as DashboardFilters['bucket'] })}
      />
      {!fixedSlice && (
        <>
          <NativeSelect
            label="Show"
            w={200}
            data={DIMENSIONS.map((d) => ({ value: d.value, label: d.label }))}
            value={filters.dimension}
            onChange={(e) => onChange({ dimension: e.currentTarget.value as Dimension, sliceId: null })}
          />
          {filters.dimension !== 'ORGANISATION' && <SlicePicker filters={filters} onChange={onChange} />}
        </>
      )}
    </Group>
  );
}
