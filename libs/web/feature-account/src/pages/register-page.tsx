import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { InvitationDocument, PlatformSettingsDocument, RegisterDocument, ViewerDocument, toApiError, useForm } from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { rules } from '../validation';
import { useViewer } from '../viewer';
import { AuthLayout } from './auth-layout';
import { roleLabel } from './role-label';

export function RegisterPage() {
  const [params] = useSearchParams();
  const inviteToken = params.get('invite');
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const settings = useQuery(PlatformSettingsDocument);
  const invitation = useQuery(InvitationDocument, { variables: { token: inviteToken ?? '' }, skip: !inviteToken });
  const [register, { loading }] = useMutation(RegisterDocument);
  const form = useForm(
    { email: invitation.data?.invitation?.email ?? '', password: '', displayName: '', department: '', title: '' },
    { email: rules.email, password: rules.newPassword, displayName: rules.displayName, department: rules.department, title: rules.title },
  );

  if (viewer) return <Navigate to="/" replace />;
  const invite = invitation.data?.invitation;
  const closed = settings.data?.platformSettings.openRegistration === false && !inviteToken;

  return (
    <AuthLayout title="Create your account" subtitle="Join your organisation's communities.">
      <QueryState
        loading={settings.loading || invitation.loading}
        error={toApiError(settings.error ?? invitation.error)}
        onRetry={() => void settings.refetch()}
      >
        {inviteToken && (!invite || !invite.usable) ? (
          <Alert color="orange" title="This invite link cannot be used">
            It has expired, was already used, or is mistyped. Ask an administrator for a new one.
          </Alert>
        ) : closed ? (
          <Alert color="blue" title="Registration is by invitation">
            Ask an administrator for an invite link.
          </Alert>
        ) : (
          <form
            noValidate
            onSubmit={form.submit(async (values) => {
              await register({
                variables: {
                  input: {
                    email: values.email,
                    password: values.password,
                    displayName: values.displayName,
                    department: values.department || null,
                    title: values.title || null,
                    inviteToken,
                  },
                },
                update: (cache, result) => {
                  if (result.data) cache.writeQuery({ query: ViewerDocument, data: { viewer: result.data.register.account } });
                },
              });
              await navigate('/', { replace: true });
            })}
          >
            <Stack>
              {invite && (
                <Alert color="teal" title="You are invited">
                  You will join as {roleLabel(invite.role)}
                  {invite.email ? ` with ${invite.email}` : ''}.
                </Alert>
              )}
              {form.generalError && <ErrorAlert error={form.generalError} />}
              {form.serverError?.fields.some((f) => f.field === 'inviteToken') && (
                <ErrorAlert error={{ ...form.serverError, message: form.serverError.fields.find((f) => f.field === 'inviteToken')?.message ?? '' }} />
              )}
              <TextInput label="E-mail address" type="email" autoComplete="email" required {...form.field('email')} />
              <TextInput label="Full name" autoComplete="name" required {...form.field('displayName')} />
              <TextInput label="Department" autoComplete="organization-title" {...form.field('department')} />
              <TextInput label="Job title" {...form.field('title')} />
              <PasswordInput label="Password" description="At least 10 characters." autoComplete="new-password" required {...form.field('password')} />
              <Button type="submit" loading={loading} fullWidth>
                Create account
              </Button>
            </Stack>
          </form>
        )}
        <Text size="sm" c="dimmed" ta="center" mt="md">
          Already have an account?{' '}
          <Anchor component={Link} underline="always" to="/sign-in">
            Sign in
          </Anchor>
        </Text>
      </QueryState>
    </AuthLayout>
  );
}
