import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  NotificationPreferencesDocument,
  toApiError,
  UpdateNotificationPreferencesDocument,
  useForm,
  type EmailDigest,
  type NotificationPreferencesFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';

type Preferences = Omit<NotificationPreferencesFieldsFragment, '__typename'>;

const SWITCHES: ReadonlyArray<{ name: Exclude<keyof Preferences, 'emailDigest'>; label: string; description: string }> = [
  { name: 'replies', label: 'Replies', description: 'Replies to your threads and replies, comments on your blog posts, accepted answers.' },
  { name: 'mentions', label: 'Mentions', description: 'When someone mentions you.' },
  { name: 'reactions', label: 'Reactions', description: 'When people react to your posts.' },
  { name: 'followed', label: 'Followed', description: 'New posts in the threads, categories and tags you follow.' },
  { name: 'communities', label: 'Communities', description: 'Invitations, requests to join and their decisions.' },
];

const DIGESTS: ReadonlyArray<{ value: EmailDigest; label: string }> = [
  { value: 'NONE', label: 'Never' },
  { value: 'DAILY', label: 'Daily' },
  { value: 'WEEKLY', label: 'Weekly' },
];

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const [update, { loading }] = useMutation(UpdateNotificationPreferencesDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm<Preferences>(
    {
      replies: preferences.replies,
      mentions: preferences.mentions,
      reactions: preferences.reactions,
      followed: preferences.followed,
      communities: preferences.communities,
      emailDigest: preferences.emailDigest,
    },
    {},
  );
  return (
    <form
      noValidate
      aria-label="Notification preferences"
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        await update({ variables: { input: values } });
        setSaved(true);
      })}
    >
      <Stack>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {saved && (
          <Alert color="teal" role="status">
            Your preferences are saved.
          </Alert>
        )}
        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" fw={600} mb="xs">
            Notify me in the app about
          </Text>
          {SWITCHES.map((item) => (
            <Switch
              key={item.name}
              label={item.label}
              description={item.description}
              checked={form.values[item.name]}
              onChange={(e) => {
                setSaved(false);
                form.set(item.name, e.currentTarget.checked);
              }}
              error={form.error(item.name)}
            />
          ))}
          <Text size="sm" c="dimmed">
            Moderation outcomes about your posts always arrive.
          </Text>
        </Stack>
        <Radio.Group
          label="Email digest"
          description="A summary of your unread notifications."
          value={form.values.emailDigest}
          onChange={(value) => {
            setSaved(false);
            form.set('emailDigest', value as EmailDigest);
          }}
          error={form.error('emailDigest')}
        >
          <Stack gap="xs" mt="xs">
            {DIGESTS.map((digest) => (
              <Radio key={digest.value} value={digest.value} label={digest.label} />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={loading} w="fit-content">
          Save preferences
        </Button>
      </Stack>
    </form>
  );
}

/** Which notifications the person gets, and how often they are e-mailed, at /notifications/preferences. */
export function NotificationPreferencesPage() {
  const { data, loading, error, refetch } = useQuery(NotificationPreferencesDocument);
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to="/notifications" size="sm" underline="always" w="fit-content">
        Back to notifications
      </Anchor>
      <Title order={1} size="h2">
        Notification preferences
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
        {data && <PreferencesForm preferences={data.notificationPreferences} />}
      </QueryState>
    </Stack>
  );
}
