import { Anchor, Group, Stack } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';

/** The Center of Excellence's parts, each the start of its own pages under /knowledge. */
const SECTIONS = [
  { to: '/knowledge', label: 'Knowledge base', owns: (path: string) => path === '/knowledge' || /^\/knowledge\/(articles|collections)\b/u.test(path) },
  { to: '/knowledge/guidelines', label: 'Guidelines', owns: (path: string) => path.startsWith('/knowledge/guidelines') },
  { to: '/knowledge/courses', label: 'Courses', owns: (path: string) => path.startsWith('/knowledge/courses') || path.startsWith('/knowledge/training-report') },
  { to: '/knowledge/learning', label: 'My learning', owns: (path: string) => path.startsWith('/knowledge/learning') },
  { to: '/knowledge/experts', label: 'Find an expert', owns: (path: string) => path.startsWith('/knowledge/experts') },
  { to: '/knowledge/champions', label: 'Champions', owns: (path: string) => path.startsWith('/knowledge/champions') },
];

/** Every Center of Excellence page, under a bar of its parts (not printed: certificates print alone). */
export function KnowledgeLayout() {
  const { pathname } = useLocation();
  return (
    <Stack gap="lg">
      <Group component="nav" aria-label="Center of Excellence" gap="lg" wrap="wrap">
        {SECTIONS.map((section) => {
          const current = section.owns(pathname);
          return (
            <Anchor key={section.to} component={Link} to={section.to} size="sm" fw={current ? 700 : 500} underline={current ? 'always' : 'hover'} aria-current={current ? 'page' : undefined}>
              {section.label}
            </Anchor>
          );
        })}
      </Group>
      <Outlet />
    </Stack>
  );
}
