import { useMutation } from '@apollo/client/react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInDocument, ViewerDocument, useForm } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { rules } from '../validation';
import { safeNext, useViewer } from '../viewer';
import { AuthLayout } from './auth-layout';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const { viewer } = useViewer();
  const [signIn, { loading }] = useMutation(SignInDocument);
  const form = useForm({ email: '', password: '' }, { email: rules.required('your e-mail address'), password: rules.required('your password') });

  if (viewer) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back to your communities.">
      <form
        noValidate
        onSubmit={form.submit(async ({ email, password }) => {
          const { data } = await signIn({
            variables: { input: { email, password } },
            update: (cache, result) => {
              if (result.data) cache.writeQuery({ query: ViewerDocument, data: { viewer: result.data.signIn.account } });
            },
          });
          if (data) await navigate(next, { replace: true });
        })}
      >
        <Stack>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <TextInput label="E-mail address" type="email" autoComplete="username" required {...form.field('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.field('password')} />
          <Button type="submit" loading={loading} fullWidth>
            Sign in
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            New here?{' '}
            <Anchor component={Link} underline="always" to="/register">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
