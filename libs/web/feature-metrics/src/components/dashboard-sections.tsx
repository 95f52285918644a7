import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { DashboardFilters } from '../model/filters';
import { visibleSections, type SectionSpec } from '../model/sections';
import { SeriesCard, type Definitions } from './series-card';

/** A titled section of cards, two a row on wide screens, one on narrow ones. */
export function DashboardSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * Sections of charts over time, with the cards of other queries a section adds (`extras`, by
 * section title) after its charts.
 */
export function DashboardSections({
  sections,
  definitions,
  filters,
  extras = {},
}: {
  sections: readonly SectionSpec[];
  definitions: Definitions;
  filters: DashboardFilters;
  extras?: Record<string, ReactNode>;
}) {
  const shown = visibleSections(sections, definitions, filters);
  const titles = new Set(shown.map((s) => s.title));
  // A section whose charts are not defined (yet) still shows the cards it adds.
  const extraOnly = sections.filter((s) => !titles.has(s.title) && extras[s.title]).map((s) => ({ ...s, charts: [] }));
  const ordered = sections.flatMap((s) => [...shown, ...extraOnly].filter((v) => v.title === s.title));
  return (
    <>
      {ordered.map((section) => (
        <DashboardSection key={section.title} title={section.title}>
          {section.charts.map((chart) => (
            <SeriesCard key={chart.title} title={chart.title} metrics={chart.metrics} kind={chart.kind} definitions={definitions} filters={filters} />
          ))}
          {extras[section.title]}
        </DashboardSection>
      ))}
    </>
  );
}
