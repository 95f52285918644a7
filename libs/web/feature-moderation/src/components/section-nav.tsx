import { Badge, Button, Group, VisuallyHidden } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export interface Section {
  /** Relative to the area's base; '' is the queue. */
  to: string;
  label: string;
  count?: number;
}

/** The area's sections as links; the current one says so (aria-current). */
export function SectionNav({ base, sections }: { base: string; sections: Section[] }) {
  const { pathname } = useLocation();
  const current = (to: string) => (to === '' ? pathname === base || pathname === `${base}/` : pathname.startsWith(`${base}/${to}`));
  return (
    <Group gap="xs" component="nav" aria-label="Moderation sections">
      {sections.map((section) => {
        const active = current(section.to);
        return (
          <Button
            key={section.to}
            component={Link}
            to={section.to ? `${base}/${section.to}` : base}
            size="sm"
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
            rightSection={
              section.count !== undefined && section.count > 0 ? (
                <Badge size="sm" variant={active ? 'white' : 'filled'} color={active ? 'blue.9' : '#b3400c'}>
                  {section.count}
                  <VisuallyHidden> waiting</VisuallyHidden>
                </Badge>
              ) : undefined
            }
          >
            {section.label}
          </Button>
        );
      })}
    </Group>
  );
}
