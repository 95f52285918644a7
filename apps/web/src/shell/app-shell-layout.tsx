import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { ViewerFieldsFragment } from '@commons/web-data-access';
import { roleName, useSignOut } from '@commons/web-feature-account';
import { GuidelinesBanner } from '@commons/web-feature-knowledge';
import { useModerationAccess } from '@commons/web-feature-moderation';
import { NotificationBell } from '@commons/web-feature-notifications';
import { TopBarSearch } from '@commons/web-feature-search';
import { PersonAvatar } from '@commons/web-ui';
import { NAVIGATION } from './navigation';
import { RealtimeIndicator } from './realtime-indicator';

/** The frame of every signed-in page: top bar with search and the person, navigation, content. */
export function AppShellLayout({ viewer }: { viewer: ViewerFieldsFragment }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const moderation = useModerationAccess();
  const items = NAVIGATION.filter((item) => (!item.roles || item.roles.includes(viewer.role)) && (!item.moderators || moderation.moderates));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to="/" fw={800} size="lg" c="blue" td="none">
              Commons
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <RealtimeIndicator />
            <TopBarSearch />
            <NotificationBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Account menu for ${viewer.displayName}`}>
                  <Group gap="xs">
                    <PersonAvatar id={viewer.id} initials={viewer.initials} name={viewer.displayName} size="sm" />
                    <Text size="sm" fw={500} data-testid="viewer-name" visibleFrom="xs">
                      {viewer.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{roleName(viewer.role)}</Menu.Label>
                <Menu.Item component={Link} to="/profile">
                  Profile
                </Menu.Item>
                <Menu.Item component={Link} to="/notifications/preferences">
                  Notification preferences
                </Menu.Item>
                <Menu.Item component={Link} to="/notices">
                  Notices and appeals
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={async () => {
                    await signOut();
                    await navigate('/sign-in', { replace: true });
                  }}
                >
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main navigation">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main component="main">
        <GuidelinesBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
