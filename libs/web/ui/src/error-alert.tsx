import { Alert, Code, Text } from '@mantine/core';
import { ErrorCode } from '@commons/shared-contracts';

/** The parts of an API error this alert shows (see toApiError in web-data-access). */
export interface DisplayableError {
  code: string;
  message: string;
  retryAfterSeconds?: number;
  errorId?: string;
}

const TITLES: Record<string, string> = {
  [ErrorCode.Unauthenticated]: 'Please sign in',
  [ErrorCode.Forbidden]: 'Not allowed',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.BadUserInput]: 'Please check the form',
  // Conflicts are duplicates or states that forbid the action; the message says which.
  [ErrorCode.Conflict]: 'Not possible right now',
  [ErrorCode.RateLimited]: 'Too many attempts',
  [ErrorCode.ServiceUnavailable]: 'Temporarily unavailable',
  // The message is the reason of the community's rule that refused the post.
  [ErrorCode.PolicyRejected]: 'Not allowed by this community’s rules',
  NETWORK_ERROR: 'No connection',
};

function waitText(seconds: number): string {
  return seconds >= 90 ? `about ${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

/** A failed request, in words a person can act on. */
export function ErrorAlert({ error }: { error: DisplayableError }) {
  const title = TITLES[error.code] ?? 'Something went wrong';
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {error.code === ErrorCode.RateLimited && error.retryAfterSeconds !== undefined ? (
        <Text size="sm">Too many attempts. Try again in {waitText(error.retryAfterSeconds)}.</Text>
      ) : error.code === ErrorCode.InternalServerError ? (
        <Text size="sm">
          An unexpected error happened. If it keeps happening, give this reference to your administrator:{' '}
          <Code>{error.errorId ?? 'none'}</Code>
        </Text>
      ) : (
        <Text size="sm">{error.message}</Text>
      )}
    </Alert>
  );
}
