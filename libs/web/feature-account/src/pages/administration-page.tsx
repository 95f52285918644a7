import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { CreateInviteDocument, PlatformSettingsDocument, toApiError, UpdatePlatformSettingsDocument, type CreateInviteMutation, type PlatformRole, useForm } from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { rules } from '../validation';

function RegistrationSettings() {
  const { data, loading, error, refetch } = useQuery(PlatformSettingsDocument);
  const [update, updating] = useMutation(UpdatePlatformSettingsDocument);
  const open = data?.platformSettings.openRegistration ?? false;
  return (
    <Stack>
      <Title order={3}>Registration</Title>
      <QueryState loading={loading} error={toApiError(error)} onRetry={() => void refetch()}>
        <Switch
          checked={open}
          disabled={updating.loading}
          label="Anyone may create an account"
          description="When off, people need an invite link to register."
          onChange={(e) => void update({ variables: { input: { openRegistration: e.currentTarget.checked } } }).catch(() => undefined)}
        />
        {updating.error && <ErrorAlert error={toApiError(updating.error) ?? { code: 'UNKNOWN', message: 'Not saved.' }} />}
      </QueryState>
    </Stack>
  );
}

const ROLE_OPTIONS: Array<{ value: PlatformRole; label: string }> = [
  { value: 'MEMBER', label: 'Member' },
  { value: 'STEERING', label: 'Steering committee' },
  { value: 'ADMIN', label: 'Administrator' },
];

function InviteForm() {
  const [createInvite, { loading }] = useMutation(CreateInviteDocument);
  const [created, setCreated] = useState<CreateInviteMutation['createInvite'] | null>(null);
  const [role, setRole] = useState<PlatformRole>('MEMBER');
  const form = useForm({ email: '' }, { email: (v) => (v.trim() ? rules.email(v) : undefined) });
  return (
    <form
      noValidate
      onSubmit={form.submit(async ({ email }) => {
        setCreated(null);
        const { data } = await createInvite({ variables: { input: { email: email.trim() || null, role } } });
        setCreated(data?.createInvite ?? null);
      })}
    >
      <Stack>
        <Title order={3}>Invite someone</Title>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        <Group align="flex-end">
          <TextInput label="E-mail address (optional)" description="Only this address may use the link." type="email" {...form.field('email')} />
          <Select label="Role" data={ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as PlatformRole)} allowDeselect={false} />
        </Group>
        <Button type="submit" loading={loading} w="fit-content">
          Create invite link
        </Button>
        {created && (
          <Alert color="teal" title="Invite link created" role="status">
            <Stack gap="xs">
              <Text size="sm">Send this link; it works once, until {new Date(created.invitation.expiresAt).toLocaleDateString()}. It is not shown again.</Text>
              <Code block>{created.url}</Code>
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} w="fit-content">
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

export function AdministrationPage() {
  return (
    <Stack maw={640}>
      <Title order={2}>Administration</Title>
      <Paper withBorder p="lg" radius="md">
        <RegistrationSettings />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <InviteForm />
      </Paper>
    </Stack>
  );
}
