import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ChangePasswordDocument, UpdateProfileDocument, type ViewerFieldsFragment, useForm } from '@commons/web-data-access';
import { ErrorAlert, PersonAvatar } from '@commons/web-ui';
import { rules } from '../validation';
import { roleName } from './role-label';
import { ExpertiseEditor } from '../expertise/expertise-section';

function ProfileForm({ viewer }: { viewer: ViewerFieldsFragment }) {
  const [updateProfile, { loading }] = useMutation(UpdateProfileDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm(
    { displayName: viewer.displayName, department: viewer.department ?? '', title: viewer.title ?? '' },
    { displayName: rules.displayName, department: rules.department, title: rules.title },
  );
  return (
    <form
      noValidate
      onSubmit={form.submit(async (values) => {
        setSaved(false);
        await updateProfile({ variables: { input: values } });
        setSaved(true);
      })}
    >
      <Stack>
        <Title order={3}>Profile</Title>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {saved && (
          <Alert color="teal" role="status">
            Your profile is saved.
          </Alert>
        )}
        <TextInput label="Full name" required {...form.field('displayName')} />
        <TextInput label="Department" {...form.field('department')} />
        <TextInput label="Job title" {...form.field('title')} />
        <Button type="submit" loading={loading} w="fit-content">
          Save profile
        </Button>
      </Stack>
    </form>
  );
}

function PasswordForm() {
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const [changed, setChanged] = useState(false);
  const form = useForm(
    { currentPassword: '', newPassword: '', confirmation: '' },
    { currentPassword: rules.required('your current password'), newPassword: rules.newPassword },
  );
  const mismatch = form.values.confirmation !== '' && form.values.confirmation !== form.values.newPassword;
  return (
    <form
      noValidate
      onSubmit={form.submit(async ({ currentPassword, newPassword, confirmation }) => {
        setChanged(false);
        if (confirmation !== newPassword) return;
        await changePassword({ variables: { input: { currentPassword, newPassword } } });
        form.setValues({ currentPassword: '', newPassword: '', confirmation: '' });
        setChanged(true);
      })}
    >
      <Stack>
        <Title order={3}>Password</Title>
        <Text size="sm" c="dimmed">
          Changing your password signs you out everywhere else.
        </Text>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {changed && (
          <Alert color="teal" role="status">
            Your password is changed; other sessions are signed out.
          </Alert>
        )}
        <PasswordInput label="Current password" autoComplete="current-password" required {...form.field('currentPassword')} />
        <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" required {...form.field('newPassword')} />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          {...form.field('confirmation')}
          error={mismatch ? 'The passwords do not match.' : undefined}
        />
        <Button type="submit" loading={loading} w="fit-content" disabled={mismatch}>
          Change password
        </Button>
      </Stack>
    </form>
  );
}

export function ProfilePage({ viewer }: { viewer: ViewerFieldsFragment }) {
  return (
    <Stack maw={560}>
      <Group>
        <PersonAvatar id={viewer.id} initials={viewer.initials} name={viewer.displayName} size="lg" />
        <Stack gap={0}>
          <Title order={2}>{viewer.displayName}</Title>
          <Text c="dimmed" size="sm">
            {viewer.email} · {roleName(viewer.role)}
          </Text>
        </Stack>
      </Group>
      <Paper withBorder p="lg" radius="md">
        <ProfileForm viewer={viewer} />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <ExpertiseEditor accountId={viewer.id} />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <PasswordForm />
      </Paper>
    </Stack>
  );
}
