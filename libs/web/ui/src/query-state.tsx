import type { ReactNode } from 'react';
import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { ErrorAlert, type DisplayableError } from './error-alert';

/**
 * Every query's three other states in one place: loading, failed (with a retry),
 * and loaded-but-empty. Children render only when there is data to show.
 */
export function QueryState({
  loading,
  error,
  empty,
  emptyText = 'Nothing here yet.',
  onRetry,
  children,
}: {
  loading: boolean;
  error: DisplayableError | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (error) {
    return (
      <Stack gap="sm">
        <ErrorAlert error={error} />
        {onRetry && (
          <Button variant="light" onClick={onRetry} w="fit-content">
            Try again
          </Button>
        )}
      </Stack>
    );
  }
  if (loading) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (empty) {
    return (
      <Text c="dimmed" py="lg">
        {emptyText}
      </Text>
    );
  }
  return <>{children}</>;
}
