import { useId, useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiError } from '@commons/web-data-access';
import { QueryState } from '@commons/web-ui';
import { DefinitionInfo, type Explained } from './definition-info';
import { downloadCsv } from './download-csv';

export interface ChartCardProps {
  title: string;
  /** One line under the title: what is shown, for whom, in which unit. */
  subtitle?: string;
  definitions: readonly Explained[];
  loading: boolean;
  error: ApiError | null;
  onRetry?: () => void;
  /** Why nothing can be shown yet (filters incomplete); replaces the chart. */
  waiting?: string | null;
  empty: boolean;
  emptyText?: string;
  /** Some values were hidden for being about too few people: say so under the chart. */
  suppressed: boolean;
  /** The chart's data as a file, built when asked for. */
  csv: () => { text: string; filename: string };
  /** Choices that change what the chart and the table show (above both). */
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}

/**
 * The frame every chart shares: its title and definitions ("?"), a table view with the same
 * numbers, a CSV of exactly what it shows, and its loading, empty and error states.
 */
export function ChartCard({ title, subtitle, definitions, loading, error, onRetry, waiting, empty, emptyText, suppressed, csv, controls, chart, table }: ChartCardProps) {
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const ready = !waiting && !loading && !error && !empty;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" className="metrics-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2}>
            <Group gap={6} wrap="nowrap">
              <Title order={3} size="h5" id={headingId}>
                {title}
              </Title>
              {definitions.length > 0 && <DefinitionInfo title={title} definitions={definitions} />}
            </Group>
            {subtitle && (
              <Text size="xs" c="dimmed">
                {subtitle}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap" data-print-hide>
            <Button size="compact-xs" variant={asTable ? 'filled' : 'default'} aria-pressed={asTable} onClick={() => setAsTable((t) => !t)} disabled={!ready}>
              Table view
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={!ready}
              onClick={() => {
                const { text, filename } = csv();
                downloadCsv(text, filename);
              }}
            >
              Download CSV
            </Button>
          </Group>
        </Group>
        {controls}
        {waiting ? (
          <Text c="dimmed" size="sm" py="lg">
            {waiting}
          </Text>
        ) : (
          <QueryState loading={loading} error={error} onRetry={onRetry} empty={empty} emptyText={emptyText ?? 'No data for this period yet.'}>
            {asTable ? table : chart}
            {suppressed && (
              <Text size="xs" c="dimmed">
                Gaps in the chart, “hidden” in the table — hidden: fewer than 5 people.
              </Text>
            )}
          </QueryState>
        )}
      </Stack>
    </Paper>
  );
}
