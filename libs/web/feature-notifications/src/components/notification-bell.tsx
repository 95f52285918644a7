import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ActionIcon, Group, Indicator, Loader, Menu, Text, VisuallyHidden } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { NotificationsDocument, UnreadNotificationCountDocument, type NotificationFieldsFragment } from '@commons/web-data-access';
import { notificationHref } from '../notification-paths';
import { badgeText, bellLabel, relativeTime, unreadAnnouncement } from '../notification-text';
import { useLiveNotifications } from '../use-live-notifications';
import { useMarkRead } from '../use-mark-read';

/** How many of the latest notifications the bell lists. */
const LATEST = 8;

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** One notification as a line of the bell's list: unread ones stand out. */
export function NotificationLine({ notification }: { notification: NotificationFieldsFragment }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <span
        aria-hidden
        style={{ width: 8, height: 8, marginTop: 6, flex: 'none', borderRadius: '50%', background: notification.read ? 'transparent' : 'var(--mantine-color-blue-7)' }}
      />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={notification.read ? 400 : 600} lineClamp={2}>
          {notification.read ? '' : <VisuallyHidden>Unread: </VisuallyHidden>}
          {notification.summary}
        </Text>
        <Text size="xs" c="dimmed">
          <time dateTime={notification.updatedAt} title={new Date(notification.updatedAt).toLocaleString()}>
            {relativeTime(notification.updatedAt)}
          </time>
        </Text>
      </div>
    </Group>
  );
}

/**
 * The top bar's bell: the unread count, kept live, and a menu of the latest notifications.
 * Choosing one marks it read and opens what it is about.
 */
export function NotificationBell() {
  useLiveNotifications();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const counted = useQuery(UnreadNotificationCountDocument).data?.unreadNotificationCount;
  const unread = counted ?? 0;
  const latest = useQuery(NotificationsDocument, { skip: !opened, fetchPolicy: 'cache-and-network' });
  const notifications = (latest.data ?? latest.previousData)?.notifications.edges.slice(0, LATEST).map((e) => e.node) ?? [];
  const mark = useMarkRead();

  // Said once per increase, politely; nothing for the first count or when the reader reads them.
  const [previous, setPrevious] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  if (counted !== undefined && counted !== previous) {
    setPrevious(counted);
    const text = unreadAnnouncement(previous, counted);
    if (text !== null) setAnnouncement(text);
  }

  const open = (notification: NotificationFieldsFragment) => {
    if (!notification.read) void mark.one(notification.id);
    const href = notificationHref(notification.target);
    void navigate(href ?? '/notifications');
  };

  return (
    <>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {/* The badge around the menu, not inside its target: the target's popup attributes belong on the button. */}
      <Indicator label={badgeText(unread)} size={18} disabled={unread === 0} color="red.8" offset={4} data-testid="notification-count">
        <Menu position="bottom-end" width={360} withinPortal returnFocus opened={opened} onChange={setOpened}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={bellLabel(unread)}>
              <BellIcon />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown aria-label="Latest notifications">
            <Menu.Label>Notifications</Menu.Label>
            {latest.loading && notifications.length === 0 ? (
              <Group justify="center" p="sm">
                <Loader size="sm" aria-label="Loading notifications" />
              </Group>
            ) : notifications.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">
                Nothing yet. Replies, mentions and reactions to your posts show here.
              </Text>
            ) : (
              notifications.map((notification) => (
                <Menu.Item key={notification.id} onClick={() => open(notification)}>
                  <NotificationLine notification={notification} />
                </Menu.Item>
              ))
            )}
            <Menu.Divider />
            <Menu.Item closeMenuOnClick={false} disabled={unread === 0 || mark.busy} onClick={() => void mark.all()}>
              Mark all read
            </Menu.Item>
            <Menu.Item component={Link} to="/notifications" fw={500}>
              See all notifications
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Indicator>
    </>
  );
}
