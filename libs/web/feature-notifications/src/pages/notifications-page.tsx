import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { NotificationsDocument, toApiError, UnreadNotificationCountDocument, type NotificationFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, QueryState } from '@commons/web-ui';
import { NotificationLine } from '../components/notification-bell';
import { notificationHref } from '../notification-paths';
import { useMarkRead } from '../use-mark-read';

function NotificationRow({ notification, onMarkRead, busy }: { notification: NotificationFieldsFragment; onMarkRead: () => void; busy: boolean }) {
  const href = notificationHref(notification.target);
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={notification.read ? undefined : { borderColor: 'var(--mantine-color-blue-7)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        {href ? (
          <Anchor component={Link} to={href} c="inherit" underline="hover" onClick={() => (notification.read ? undefined : onMarkRead())} style={{ minWidth: 0 }}>
            <NotificationLine notification={notification} />
          </Anchor>
        ) : (
          <NotificationLine notification={notification} />
        )}
        {!notification.read && (
          <Button size="compact-xs" variant="default" disabled={busy} onClick={onMarkRead} aria-label={`Mark read: ${notification.summary}`}>
            Mark read
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Every notification, newest change first, at /notifications; new ones join at the top live. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(NotificationsDocument, {
    variables: { unreadOnly },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const unread = useQuery(UnreadNotificationCountDocument).data?.unreadNotificationCount ?? 0;
  const shown = (data ?? previousData)?.notifications;
  const edges = shown?.edges ?? [];
  const mark = useMarkRead();
  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Notifications
          </Title>
          <Text c="dimmed" size="sm">
            {unread === 0 ? 'All read.' : `${unread} unread.`}
          </Text>
        </Stack>
        <Anchor component={Link} to="/notifications/preferences" size="sm" underline="always">
          Notification preferences
        </Anchor>
      </Group>
      <Group justify="space-between">
        <Switch
          label="Unread only"
          checked={unreadOnly}
          onChange={(e) => setParams(e.currentTarget.checked ? { unread: '1' } : {}, { replace: true })}
        />
        <Button variant="default" size="compact-sm" disabled={unread === 0} loading={mark.busy} onClick={() => void mark.all()}>
          Mark all read
        </Button>
      </Group>
      {mark.error && <ErrorAlert error={mark.error} />}
      <QueryState
        loading={loading && !shown}
        error={toApiError(error)}
        empty={edges.length === 0}
        emptyText={unreadOnly ? 'Nothing unread.' : 'No notifications yet. Replies, mentions and reactions to your posts will show here.'}
        onRetry={() => void refetch()}
      >
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notifications">
          {edges.map(({ node }) => (
            <NotificationRow key={node.id} notification={node} busy={mark.busy} onMarkRead={() => void mark.one(node.id)} />
          ))}
        </Stack>
        <LoadMoreButton pageInfo={shown?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
