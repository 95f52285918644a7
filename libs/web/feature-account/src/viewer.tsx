import type { ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Center, Loader } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { forgetSession, SignOutDocument, toApiError, ViewerDocument, type ViewerFieldsFragment } from '@commons/web-data-access';
import { QueryState } from '@commons/web-ui';

/** The signed-in person (null when signed out), from the cache after the first load. */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  return { viewer: data?.viewer ?? null, loading: loading && !data, error: toApiError(error), refetch };
}

/** Renders its children for signed-in people; sends everyone else to sign in, and back afterwards. */
export function RequireViewer({ children }: { children: (viewer: ViewerFieldsFragment) => ReactNode }) {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <QueryState loading={false} error={error} onRetry={() => void refetch()}>
          {null}
        </QueryState>
      </Center>
    );
  }
  if (!viewer) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children(viewer)}</>;
}

/** Ends the session, forgets everything cached for it, and shows the sign-in page. */
export function useSignOut() {
  const client = useApolloClient();
  const [signOut] = useMutation(SignOutDocument);
  return async () => {
    await signOut().catch(() => undefined);
    await forgetSession(client);
  };
}

/** Only relative paths inside the app are followed after sign-in (no open redirects). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
