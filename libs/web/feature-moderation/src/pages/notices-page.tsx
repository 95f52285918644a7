import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { MarkModerationNoticesReadDocument, ModerationNoticesDocument, MyModerationAppealsDocument, toApiError, useAction } from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, QueryState, dateTime } from '@commons/web-ui';
import { APPEAL_STATUS, APPEAL_TARGET } from '../labels';

function Notices() {
  const { data, loading, error, fetchMore, refetch } = useQuery(ModerationNoticesDocument, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [markRead] = useMutation(MarkModerationNoticesReadDocument);
  const action = useAction();
  const notices = data?.moderationNotices.edges.map((e) => e.node) ?? [];
  const unread = notices.filter((n) => !n.read).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="notices-heading">
      <Group justify="space-between">
        <Title order={3} id="notices-heading">
          Moderation notices
        </Title>
        {unread > 0 && (
          <Button
            size="compact-sm"
            variant="default"
            loading={action.busy}
            onClick={() =>
              void action.run(() =>
                markRead({
                  update: (cache) => {
                    for (const notice of notices) cache.modify({ id: cache.identify({ __typename: 'ModerationNotice', id: notice.id }), fields: { read: () => true } });
                  },
                }),
              )
            }
          >
            Mark all as read
          </Button>
        )}
      </Group>
      {action.error && <ErrorAlert error={action.error} />}
      <QueryState loading={loading && !data} error={toApiError(error)} empty={notices.length === 0} emptyText="No notices: nothing you posted was held, rejected or flagged." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Moderation notices">
          {notices.map((notice) => (
            <Paper component="li" key={notice.id} withBorder p="sm" radius="md" style={notice.read ? undefined : { borderColor: 'var(--mantine-color-blue-7)' }}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm">{notice.message}</Text>
                  <Text size="xs" c="dimmed">
                    <time dateTime={notice.createdAt}>{dateTime(notice.createdAt)}</time>
                  </Text>
                </Stack>
                {!notice.read && (
                  <Badge size="sm" color="blue.8" tt="none">
                    New
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={data?.moderationNotices.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}

function MyAppeals() {
  const { data, loading, error, refetch } = useQuery(MyModerationAppealsDocument, { fetchPolicy: 'cache-and-network' });
  const appeals = data?.myModerationAppeals ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-appeals-heading">
      <Title order={3} id="my-appeals-heading">
        Your appeals
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={appeals.length === 0} emptyText="You have not appealed any decision." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your appeals">
          {appeals.map((appeal) => (
            <Paper component="li" key={appeal.id} withBorder p="sm" radius="md">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {appeal.subject}
                  </Text>
                  <Badge size="sm" variant="outline" color={appeal.status === 'OVERTURNED' ? 'teal.9' : appeal.status === 'UPHELD' ? 'gray.8' : '#b3400c'} tt="none">
                    {APPEAL_STATUS[appeal.status]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {APPEAL_TARGET[appeal.targetKind]} · sent {dateTime(appeal.createdAt)}
                </Text>
                {appeal.decisionReason && <Text size="sm">Answer: {appeal.decisionReason}</Text>}
              </Stack>
            </Paper>
          ))}
        </Stack>
      </QueryState>
    </Stack>
  );
}

/** /notices: what moderation decided about the viewer's posts, and the appeals they sent. */
export function NoticesPage() {
  return (
    <Stack gap="xl" maw={820}>
      <Title order={2}>Notices</Title>
      <Notices />
      <MyAppeals />
    </Stack>
  );
}
